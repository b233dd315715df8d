package org.vigil.app;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --data} option every command that touches the store shares. */
final class DataOption {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: $VIGIL_DATA, else ./data).")
    String data;

    /** Settings with this option applied over the file and the environment. */
    Settings settings(Map<String, String> moreFlags) {
        Map<String, String> flags = new HashMap<>(moreFlags);
        if (data != null) {
            flags.put("data", data);
        }
        return Settings.load(System.getenv(), flags);
    }

    Settings settings() {
        return settings(Map.of());
    }
}
