package org.vigil.taxii.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answer to what it refuses before any route runs (a malformed URL, headers too large) or fails on
 * outside Javalin: a TAXII error message like every other error, instead of Jetty's HTML page.
 */
public final class TaxiiErrorHandler extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MediaTypes.TAXII);
        return ByteBuffer.wrap(body(status));
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        byte[] body = body(response.getStatus());
        response.setContentType(MediaTypes.TAXII);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] body(int status) {
        String title = HttpStatus.getMessage(status);
        return JsonOut.error(status, title, "the server refused the request before reading it: " + title.toLowerCase()
                + "; check the URL and headers").toString().getBytes(StandardCharsets.UTF_8);
    }
}
