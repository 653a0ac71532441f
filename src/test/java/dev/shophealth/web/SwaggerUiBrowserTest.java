package dev.shophealth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Swagger UI can call the API: a reviewer logs in through its Authorize dialog with HTTP Basic (the document offers
 * both Basic and a bearer token), opens the Reviewers' list of cancellation requests, tries it out and gets 200 with
 * the queue, in a real headless Chromium.
 */
@QuarkusTest
@Tag("browser")
@EnabledIf(value = "dev.shophealth.web.Browser#installed", disabledReason = Browser.SKIPPED)
class SwaggerUiBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aReviewerAuthorizesWithBasicAndListsTheQueue() {
        try (Browser b = new Browser(base.toString(), "en", 1280, 900)) {
            b.open("/q/swagger-ui/");
            b.waitFor(d -> !d.findElements(By.cssSelector(".auth-wrapper button.authorize")).isEmpty());
            b.find(".auth-wrapper button.authorize").click();
            b.waitFor(d -> !d.findElements(By.cssSelector("input[name=username]")).isEmpty());
            WebElement basic = b.find("input[name=username]").findElement(By.xpath("ancestor::form"));
            basic.findElement(By.cssSelector("input[name=username]")).sendKeys("reviewer");
            basic.findElement(By.cssSelector("input[name=password]")).sendKeys("reviewer-demo");
            basic.findElement(By.cssSelector("button[type=submit]")).click();
            b.waitFor(d -> basic.getText().contains("Authorized"));
            b.find(".modal-ux button.btn-done").click();

            WebElement list = b.driver.findElement(By.xpath("//div[contains(@class,'opblock-get')]"
                    + "[.//*[contains(@class,'opblock-summary-path') and @data-path='/api/cancellations']]"));
            assertTrue(list.getAttribute("id").startsWith("operations-Reviewers-"), list.getAttribute("id"));
            list.findElement(By.cssSelector(".opblock-summary-control")).click();
            b.waitFor(d -> !list.findElements(By.cssSelector("button.try-out__btn")).isEmpty());
            list.findElement(By.cssSelector("button.try-out__btn")).click();
            b.waitFor(d -> !list.findElements(By.cssSelector("button.execute")).isEmpty());
            list.findElement(By.cssSelector("button.execute")).click();
            b.waitFor(d -> !list.findElements(By.cssSelector(".live-responses-table tr.response .response-col_status")).isEmpty());

            assertEquals("200", list.findElement(By.cssSelector(".live-responses-table tr.response .response-col_status"))
                    .getText().strip());
            assertTrue(list.findElement(By.cssSelector(".live-responses-table tr.response .response-col_description")).getText()
                    .contains("\"items\""), "the answer is the queue's page");
            b.screenshot("swagger-ui-reviewer-basic");
        }
    }
}
