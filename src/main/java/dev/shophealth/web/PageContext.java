package dev.shophealth.web;

import io.quarkus.qute.TemplateData;

/**
 * What the layout needs on every page: the language and the link that switches it, who is signed in and where
 * their pages are ({@code analyst}: the rules workbench, for analysts and admins; {@code admin}: the audit log).
 */
@TemplateData
public record PageContext(String lang, String switchUrl, String switchLabel, String switchLang, String user,
        boolean merchant, boolean reviewer, String shopId, boolean analyst, boolean admin) {

    public boolean signedIn() {
        return user != null;
    }
}
