package org.vigil.app;

import java.io.PrintWriter;
import org.vigil.store.Organisation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil org}: the organisations that share through the hub. */
@Command(name = "org", mixinStandardHelpOptions = true, description = "Manage organisations.",
        subcommands = {OrgCommand.Add.class, OrgCommand.List.class})
final class OrgCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an organisation, with its own STIX identity.")
    static final class Add extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The organisation's name, unique.")
        String name;

        @Option(names = "--member", description = "A member of the hub's community (TLP:GREEN reaches it).")
        boolean member;

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                if (hub.store.organisationByName(name).isPresent()) {
                    throw new Settings.SettingsException("organisation '" + name + "' already exists");
                }
                Organisation org = hub.addOrganisation(name, member);
                hub.noteAdmin("org add", name + (member ? " (member)" : ""));
                out.println("organisation " + org.name() + " added: id " + org.id() + ", identity "
                        + org.identityId() + (member ? ", community member" : ""));
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List organisations.")
    static final class List extends AdminCommand {
        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                for (Organisation o : hub.store.organisations()) {
                    out.println(o.name() + "\t" + o.id() + "\t" + o.identityId() + (o.member() ? "\tmember" : ""));
                }
                return 0;
            }
        }
    }
}
