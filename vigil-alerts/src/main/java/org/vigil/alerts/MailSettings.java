package org.vigil.alerts;

import java.util.Objects;

/**
 * How alerts reach travellers by e-mail.
 *
 * @param smtpHost the SMTP server
 * @param smtpPort its port
 * @param from the sender address of every message
 * @param baseUrl the hub's public URL, without a trailing slash, for the links in messages
 */
public record MailSettings(String smtpHost, int smtpPort, String from, String baseUrl) {

    public MailSettings {
        Objects.requireNonNull(smtpHost, "smtpHost");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
