package dev.shophealth.web;

import io.quarkus.qute.TemplateData;

/**
 * What the layout needs on every page: the language and the link that switches it, who is signed in and where
 * their pages are.
 */
@TemplateData
public record PageContext(String lang, String switchUrl, String switchLabel, String switchLang, String user,
        boolean merchant, boolean reviewer, String shopId) {

    public boolean signedIn() {
        return user != null;
    }
}
