package org.vigil.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vigil's configuration: built-in defaults, overridden by {@code vigil.yaml} or {@code vigil.toml} in the data
 * directory, overridden by {@code VIGIL_*} environment variables, overridden by command-line flags. Every
 * setting has a dotted name ({@code store.url}) whose environment form is {@code VIGIL_STORE_URL}.
 */
final class Settings {

    /** Every setting Vigil knows, with its default (null: unset) and what it is for. */
    static final Map<String, String[]> KNOWN = known();

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private Settings(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    private static Map<String, String[]> known() {
        Map<String, String[]> k = new LinkedHashMap<>();
        k.put("data", new String[] {"data", "directory for the embedded database and the settings file"});
        k.put("host", new String[] {"127.0.0.1", "address to listen on"});
        k.put("port", new String[] {"8080", "port to listen on"});
        k.put("title", new String[] {"Vigil", "title shown in TAXII discovery"});
        k.put("store.url", new String[] {null, "JDBC URL of the store; default: SQLite file vigil.db in the data directory"});
        k.put("store.user", new String[] {null, "database user (PostgreSQL)"});
        k.put("store.password", new String[] {null, "database password (PostgreSQL)"});
        k.put("tls.keystore", new String[] {null, "PKCS#12 keystore: setting it turns TLS on"});
        k.put("tls.password", new String[] {null, "password of the keystore"});
        k.put("taxii.max_content_length", new String[] {"104857600", "largest request body accepted, in bytes"});
        k.put("taxii.page_size", new String[] {"1000", "most objects in one page"});
        k.put("federation.page_size", new String[] {"1000", "objects a feed asks a remote server for per page"});
        k.put("federation.lease", new String[] {"PT1M", "how long a node's claim on a feed lasts unless renewed"});
        k.put("alerts.sender", new String[] {"vigil@localhost", "CAP sender of travel alerts: no spaces, commas, < or &"});
        k.put("alerts.base_url", new String[] {null, "the hub's public URL, for links in e-mail (default: http://host:port)"});
        k.put("ui.session_idle", new String[] {"PT30M", "how long an unused UI session lasts (ISO-8601 duration)"});
        k.put("ui.session_lifetime", new String[] {"PT12H", "how long a UI session lasts after sign-in, however busy"});
        k.put("smtp.host", new String[] {null, "SMTP server for travel alert e-mail; setting it turns e-mail on"});
        k.put("smtp.port", new String[] {"25", "port of the SMTP server"});
        k.put("smtp.from", new String[] {null, "sender address of travel alert e-mail (default: alerts.sender)"});
        return k;
    }

    /**
     * Loads settings. {@code flags} holds the command-line values given (dotted names); the data directory
     * itself may come from a flag or the environment, since it says where the file is.
     */
    static Settings load(Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        KNOWN.forEach((name, def) -> {
            if (def[0] != null) {
                put(values, origins, name, def[0], "default");
            }
        });
        Map<String, String> fromEnv = fromEnvironment(env);
        String data = flags.getOrDefault("data", fromEnv.getOrDefault("data", values.get("data")));
        readFile(Path.of(data), values, origins);
        fromEnv.forEach((k, v) -> put(values, origins, k, v, "environment variable " + envName(k)));
        flags.forEach((k, v) -> put(values, origins, k, v, "command line"));
        Settings s = new Settings(values, origins);
        s.check();
        return s;
    }

    private static void put(Map<String, String> values, Map<String, String> origins, String k, String v, String origin) {
        values.put(k, v);
        origins.put(k, origin);
    }

    static String envName(String setting) {
        return "VIGIL_" + setting.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        for (String name : KNOWN.keySet()) {
            String v = env.get(envName(name));
            if (v != null && !v.isBlank()) {
                out.put(name, v);
            }
        }
        return out;
    }

    private static void readFile(Path dataDir, Map<String, String> values, Map<String, String> origins) {
        Path yaml = dataDir.resolve("vigil.yaml");
        Path toml = dataDir.resolve("vigil.toml");
        if (Files.exists(yaml) && Files.exists(toml)) {
            throw new SettingsException("both " + yaml + " and " + toml + " exist; keep one of them");
        }
        Path file = Files.exists(yaml) ? yaml : Files.exists(toml) ? toml : null;
        if (file == null) {
            return;
        }
        ObjectMapper mapper = file == yaml ? new YAMLMapper() : new TomlMapper();
        JsonNode tree;
        try {
            tree = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new SettingsException(file + " cannot be read: " + firstLine(e.getMessage()));
        }
        if (tree != null && !tree.isMissingNode() && !tree.isNull()) {
            if (!tree.isObject()) {
                throw new SettingsException(file + " must hold settings as keys and values, e.g. port: 8080");
            }
            flatten("", tree, file, values, origins);
        }
    }

    private static void flatten(String prefix, JsonNode node, Path file, Map<String, String> values,
                                Map<String, String> origins) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            if (e.getValue().isObject()) {
                flatten(name + ".", e.getValue(), file, values, origins);
            } else if (!KNOWN.containsKey(name)) {
                throw new SettingsException(file + ": unknown setting '" + name + "'; known settings: "
                        + String.join(", ", KNOWN.keySet()));
            } else {
                put(values, origins, name, e.getValue().asText(), file.toString());
            }
        }
    }

    private void check() {
        intIn("port", 0, 65535);
        intIn("taxii.page_size", 1, 100_000);
        intIn("taxii.max_content_length", 1024, Integer.MAX_VALUE);
        Duration idle = duration("ui.session_idle");
        if (duration("ui.session_lifetime").compareTo(idle) < 0) {
            throw new SettingsException("ui.session_idle (" + get("ui.session_idle") + ") is longer than "
                    + "ui.session_lifetime (" + get("ui.session_lifetime") + "); make the idle timeout the shorter");
        }
        if (get("tls.keystore") != null && !Files.isRegularFile(Path.of(get("tls.keystore")))) {
            throw new SettingsException("tls.keystore (from " + origins.get("tls.keystore") + ") names "
                    + get("tls.keystore") + ", which is not a file; point it at a PKCS#12 keystore");
        }
    }

    /** A positive ISO-8601 duration such as PT30M. */
    Duration duration(String name) {
        String v = get(name);
        try {
            Duration d = Duration.parse(v.trim());
            if (d.isNegative() || d.isZero()) {
                throw new SettingsException(name + " is " + v + " (from " + origins.get(name) + "), but it must be "
                        + "longer than nothing, e.g. PT30M");
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new SettingsException(name + " is '" + v + "' (from " + origins.get(name) + "), but it must be an "
                    + "ISO-8601 duration such as PT30M or PT12H");
        }
    }

    private void intIn(String name, long min, long max) {
        String v = get(name);
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw new SettingsException(name + " is " + v + " (from " + origins.get(name) + "), but it must be "
                        + "between " + min + " and " + max);
            }
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " is '" + v + "' (from " + origins.get(name) + "), but it must be a "
                    + "whole number");
        }
    }

    String get(String name) {
        return values.get(name);
    }

    int getInt(String name) {
        return Integer.parseInt(values.get(name).trim());
    }

    Path dataDir() {
        return Path.of(get("data"));
    }

    /** Where a setting's value came from, for messages and the start-up log. */
    String origin(String name) {
        return origins.getOrDefault(name, "unset");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A setting is missing, malformed or contradictory; the message says which and where it came from. */
    static final class SettingsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SettingsException(String message) {
            super(message, null, false, false);
        }
    }
}
