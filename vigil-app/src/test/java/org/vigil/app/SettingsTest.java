package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path data;

    private Settings load(Map<String, String> env, Map<String, String> flags) {
        return Settings.load(env, flags);
    }

    @Test
    void defaultsApplyWithNoFile() {
        Settings s = load(Map.of(), Map.of("data", data.toString()));
        assertEquals(8080, s.getInt("port"));
        assertEquals("127.0.0.1", s.get("host"));
    }

    @Test
    void fileThenEnvironmentThenFlagsOverrideEachOther() throws IOException {
        Files.writeString(data.resolve("vigil.yaml"), "port: 9000\nhost: 0.0.0.0\ntaxii:\n  page_size: 50\n");
        Settings fileOnly = load(Map.of(), Map.of("data", data.toString()));
        assertEquals(9000, fileOnly.getInt("port"));
        assertEquals(50, fileOnly.getInt("taxii.page_size"));
        Settings env = load(Map.of("VIGIL_PORT", "9100"), Map.of("data", data.toString()));
        assertEquals(9100, env.getInt("port"));
        assertEquals("environment variable VIGIL_PORT", env.origin("port"));
        Settings flag = load(Map.of("VIGIL_PORT", "9100"), Map.of("data", data.toString(), "port", "9200"));
        assertEquals(9200, flag.getInt("port"));
        assertEquals("0.0.0.0", flag.get("host"));
    }

    @Test
    void readsToml() throws IOException {
        Files.writeString(data.resolve("vigil.toml"), "port = 9300\n[store]\nurl = \"jdbc:postgresql://db/vigil\"\n");
        Settings s = load(Map.of(), Map.of("data", data.toString()));
        assertEquals(9300, s.getInt("port"));
        assertEquals("jdbc:postgresql://db/vigil", s.get("store.url"));
    }

    @Test
    void dataDirectoryMayComeFromTheEnvironment() throws IOException {
        Files.writeString(data.resolve("vigil.yaml"), "port: 9400\n");
        assertEquals(9400, load(Map.of("VIGIL_DATA", data.toString()), Map.of()).getInt("port"));
    }

    @Test
    void rejectsUnknownSettingNamingFileAndKnownOnes() throws IOException {
        Files.writeString(data.resolve("vigil.yaml"), "prot: 9000\n");
        Settings.SettingsException e = assertThrows(Settings.SettingsException.class,
                () -> load(Map.of(), Map.of("data", data.toString())));
        assertTrue(e.getMessage().contains("unknown setting 'prot'") && e.getMessage().contains("port"), e.getMessage());
    }

    @Test
    void rejectsBadPortSayingWhereItCameFrom() {
        Settings.SettingsException e = assertThrows(Settings.SettingsException.class,
                () -> load(Map.of("VIGIL_PORT", "http"), Map.of("data", data.toString())));
        assertTrue(e.getMessage().contains("VIGIL_PORT") && e.getMessage().contains("whole number"), e.getMessage());
    }

    @Test
    void rejectsMalformedFile() throws IOException {
        Files.writeString(data.resolve("vigil.yaml"), "port: [9000\n");
        assertThrows(Settings.SettingsException.class, () -> load(Map.of(), Map.of("data", data.toString())));
    }

    @Test
    void rejectsMissingKeystore() {
        Settings.SettingsException e = assertThrows(Settings.SettingsException.class,
                () -> load(Map.of(), Map.of("data", data.toString(), "tls.keystore", data.resolve("none.p12").toString())));
        assertTrue(e.getMessage().contains("PKCS#12"), e.getMessage());
    }
}
