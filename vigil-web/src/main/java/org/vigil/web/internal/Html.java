package org.vigil.web.internal;

/** HTML written by the server: every value escaped, every page in one layout with landmarks and navigation. */
final class Html {

    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A page: its title, which script view it runs ({@code data-page}), the data the script needs (already
     * escaped attributes), the user's name and CSRF token for the header's sign-out form, and the main content.
     */
    static String page(String title, String view, String dataAttributes, String user, String csrf, String main,
                       boolean withMap, boolean withGraph) {
        return page(title, view, dataAttributes, user, csrf, main, withMap, withGraph, false);
    }

    /** A page as above; {@code admin} adds the administration page to the navigation. */
    static String page(String title, String view, String dataAttributes, String user, String csrf, String main,
                       boolean withMap, boolean withGraph, boolean admin) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<title>").append(escape(title)).append(" · Vigil</title>");
        if (csrf != null) {
            b.append("<meta name=\"csrf-token\" content=\"").append(escape(csrf)).append("\">");
        }
        if (withMap) {
            b.append("<link rel=\"stylesheet\" href=\"/ui/lib/leaflet/leaflet.css\">");
        }
        b.append("<link rel=\"stylesheet\" href=\"/ui/assets/app.css\">");
        if (withMap) {
            b.append("<script src=\"/ui/lib/leaflet/leaflet.js\" defer></script>");
        }
        if (withGraph) {
            b.append("<script src=\"/ui/assets/cytoscape.min.js\" defer></script>");
        }
        b.append("<script src=\"/ui/assets/app.js\" defer></script></head>");
        b.append("<body data-page=\"").append(escape(view)).append("\" ").append(dataAttributes).append(">");
        b.append("<header class=\"top\"><a class=\"brand\" href=\"/ui/events\">Vigil</a>");
        if (user != null) {
            b.append("<nav aria-label=\"Main\"><ul>")
                    .append("<li><a href=\"/ui/events\">Events</a></li>")
                    .append("<li><a href=\"/ui/search\">Search</a></li>")
                    .append("<li><a href=\"/ui/map\">Map</a></li>")
                    .append("<li><a href=\"/ui/ingest\">Ingest</a></li>")
                    .append("<li><a href=\"/ui/alerts\">Alerts</a></li>")
                    .append(admin ? "<li><a href=\"/ui/admin\">Admin</a></li>" : "")
                    .append("</ul></nav>")
                    .append("<form class=\"signout\" method=\"post\" action=\"/ui/logout\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(csrf)).append("\">")
                    .append("<span class=\"who\">").append(escape(user)).append("</span>")
                    .append("<button type=\"submit\" id=\"sign-out\">Sign out</button></form>");
        }
        b.append("</header><main id=\"main\">").append(main).append("</main></body></html>");
        return b.toString();
    }
}
