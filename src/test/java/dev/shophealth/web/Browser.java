package dev.shophealth.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's /usr/bin/chromium through /usr/bin/chromedriver; nothing is downloaded), with
 * its own fresh profile and a page language. Tests skip, saying why, where Chromium is not installed.
 */
final class Browser implements AutoCloseable {

    /** Debian's paths; -Dbrowser.chromium / -Dbrowser.chromedriver point elsewhere. */
    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("docs/screenshots");

    final ChromeDriver driver;
    final String base;
    private final Path profile;

    static final String SKIPPED = "Browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not both "
            + "installed (apt-get install -y chromium chromium-driver)";

    /** Whether Chromium and its driver are here; says so on the console when they are not. */
    static boolean installed() {
        boolean here = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!here) {
            System.err.println("[WARNING] " + SKIPPED.replace("/usr/bin/chromium", CHROMIUM.toString())
                    .replace("/usr/bin/chromedriver", CHROMEDRIVER.toString()));
        }
        return here;
    }

    Browser(String base, String language, int width, int height) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + language,
                "--window-size=" + width + "," + height, "--force-device-scale-factor=1");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(base + path);
    }

    void login(String user, String password) {
        open("/login");
        driver.findElement(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login") || !d.findElements(By.id("login-error")).isEmpty());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited in vain on " + driver.getCurrentUrl() + ", showing:\n" + text(), e);
        }
    }

    /** Waits until the dashboard's trend (an htmx fragment) is in and drawn. */
    void waitForChart() {
        waitFor(d -> "true".equals(find("#trend-chart").getAttribute("data-drawn")));
    }

    /** What the page shows, for failure messages. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** A screenshot of the whole page (its full height) under docs/screenshots. */
    void screenshot(String name) {
        js("window.scrollTo(0, 0)");
        long height = ((Number) js("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"))
                .longValue();
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, Math.max(size.getHeight(), height + 20))));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
