package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.store.User;
import org.vigil.taxii.Hub;
import org.vigil.taxii.TaxiiConfig;
import org.vigil.taxii.TaxiiServer;

/**
 * A Vigil installation under test: a data directory on either store, administered through the {@code vigil}
 * command line run in-process, and served by the real TAXII server on a free loopback port.
 */
final class TestVigil implements AutoCloseable {

    /** Serialises the commands that read a password from standard input, which is one per JVM. */
    private static final Object STDIN = new Object();
    private static final Pattern IDENTITY = Pattern.compile("identity (identity--[0-9a-f-]{36})");

    private final Path data;
    private final StoreKind kind;
    private Installation hub;
    private TaxiiServer server;

    /** What a command printed and how it exited. */
    record Run(int code, String out, String err) {

        /** The output, once the command is known to have succeeded. */
        String ok() {
            assertEquals(0, code, () -> "the command failed: " + err + out);
            return out.strip();
        }
    }

    /** A user as the tests drive it: its id, its organisation's identity, its API token and its password. */
    record Account(String name, UUID id, String organisationIdentity, String token, String password) {

        String bearer() {
            return "Bearer " + token;
        }
    }

    private TestVigil(Path data, StoreKind kind) {
        this.data = data;
        this.kind = kind;
    }

    /**
     * A new installation in {@code data} on a fresh store of {@code kind}, with these settings in its vigil.yaml
     * besides the store's; its store is opened and kept open, and the server is not started yet.
     */
    static TestVigil create(StoreKind kind, Path data, Map<String, String> settings) {
        StringBuilder yaml = new StringBuilder();
        kind.freshStoreSettings().forEach((k, v) -> yaml.append(k).append(": ").append(quoted(v)).append('\n'));
        settings.forEach((k, v) -> yaml.append(k).append(": ").append(quoted(v)).append('\n'));
        try {
            Files.createDirectories(data);
            Files.writeString(data.resolve("vigil.yaml"), yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestVigil vigil = new TestVigil(data, kind);
        vigil.hub = Installation.open(vigil.settings());
        return vigil;
    }

    static TestVigil create(StoreKind kind, Path data) {
        return create(kind, data, Map.of());
    }

    /** An installation made earlier (by {@link #create} and whatever ran on it since), opened again as it is. */
    static TestVigil reopen(StoreKind kind, Path data) {
        TestVigil vigil = new TestVigil(data, kind);
        vigil.hub = Installation.open(vigil.settings());
        return vigil;
    }

    private static String quoted(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Settings settings() {
        return Settings.load(Map.of(), Map.of("data", data.toString(), "host", "127.0.0.1", "port", "0"));
    }

    Path data() {
        return data;
    }

    StoreKind kind() {
        return kind;
    }

    /** The installation the server runs on: its store, read path, write path and audit log. */
    Installation hub() {
        return hub;
    }

    // The command line

    /** Runs {@code vigil ARGS --data DIR} in-process. */
    Run cli(String... args) {
        return cliWithInput("", args);
    }

    /** Runs a command with {@code stdin} as its standard input (user add reads the password from it). */
    Run cliWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--data");
        all.add(data.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        synchronized (STDIN) {
            InputStream saved = System.in;
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            try {
                int code = Vigil.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)).execute(all.toArray(String[]::new));
                return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setIn(saved);
            }
        }
    }

    /** {@code vigil org add NAME [--member]}; returns the organisation's STIX identity id. */
    String org(String name, boolean member) {
        String out = member ? cli("org", "add", name, "--member").ok() : cli("org", "add", name).ok();
        Matcher m = IDENTITY.matcher(out);
        if (!m.find()) {
            throw new AssertionError("org add printed no identity: " + out);
        }
        return m.group(1);
    }

    /** {@code vigil user add NAME --org ORG --role ROLE} for an account that logs in by token only. */
    Account user(String name, String org, String role) {
        return user(name, org, role, null);
    }

    /** A user with a password too (hashing it is slow on purpose, so only where Basic auth is the point). */
    Account user(String name, String org, String role, String password) {
        String token = cliWithInput(password == null ? "" : password + "\n", "user", "add", name, "--org", org,
                "--role", role).ok();
        User u = hub.store.userByName(name).orElseThrow();
        String identity = hub.store.organisation(u.organisationId()).orElseThrow().identityId();
        return new Account(name, u.id(), identity, token, password);
    }

    /** {@code vigil collection add TITLE --alias ALIAS}; returns its id. */
    UUID collection(String title, String alias) {
        return UUID.fromString(cli("collection", "add", title, "--alias", alias).ok());
    }

    /** {@code vigil collection grant COLLECTION USER read|write}. */
    void grant(UUID collection, Account user, String right) {
        cli("collection", "grant", collection.toString(), user.name(), right).ok();
    }

    /** {@code vigil token add USER [OPTIONS]}; returns the token. */
    String token(Account user, String... options) {
        List<String> args = new ArrayList<>(List.of("token", "add", user.name()));
        args.addAll(Arrays.asList(options));
        return cli(args.toArray(String[]::new)).ok();
    }

    // The server

    /** Starts the TAXII server on a free port, wired as {@code vigil serve} wires it. */
    void start() {
        Settings s = hub.settings;
        server = TaxiiServer.start(new Hub(hub.authenticator, hub.reads, hub.writes),
                new TaxiiConfig(s.get("host"), 0, s.get("title"), "Vigil under test", null, null,
                        s.getInt("taxii.page_size"), hub.tokenKey()), hub.apiModules());
    }

    /** Stops the server and closes the store, then opens both again, as a restart of {@code vigil serve} does. */
    void restart() {
        boolean serving = server != null;
        stop();
        hub.close();
        hub = Installation.open(settings());
        if (serving) {
            start();
        }
    }

    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The server's base URL, e.g. http://127.0.0.1:41234. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** A TAXII client for this server without credentials. */
    Taxii anonymous() {
        return Taxii.at(base());
    }

    /** A TAXII client presenting this user's API token. */
    Taxii as(Account user) {
        return anonymous().authorization(user.bearer());
    }

    @Override
    public void close() {
        stop();
        hub.close();
    }
}
