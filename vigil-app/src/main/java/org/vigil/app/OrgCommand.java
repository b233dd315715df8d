package org.vigil.app;

import java.io.PrintWriter;
import org.vigil.store.Organisation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil org}: the organisations that share through the hub. */
@Command(name = "org", mixinStandardHelpOptions = true, description = "Manage organisations.",
        subcommands = {OrgCommand.Add.class, OrgCommand.Set.class, OrgCommand.List.class})
final class OrgCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an organisation, with its own STIX identity.")
    static final class Add extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The organisation's name, unique.")
        String name;

        @Option(names = "--member", description = "A member of the hub's community (TLP:GREEN reaches it).")
        boolean member;

        @Option(names = "--identity", paramLabel = "identity--...", split = ",",
                description = "Identity ids the organisation already signs its STIX with (created_by_ref).")
        java.util.List<String> identities = new java.util.ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                identities.forEach(OrgCommand::checkIdentity);
                refuseTaken(hub, identities);
                Organisation org = hub.admin.addOrganisation(hub.cli("org add"), name, member);
                claim(hub, org, identities);
                if (!identities.isEmpty()) {
                    hub.noteAdmin("org set", org.name() + claimed(identities));
                }
                out.println("organisation " + org.name() + " added: id " + org.id() + ", identity "
                        + org.identityId() + (member ? ", community member" : "") + claimed(identities));
                return 0;
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Let an organisation claim identity ids it already signs its STIX with.")
    static final class Set extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The organisation's name or id.")
        String name;

        @Option(names = "--identity", paramLabel = "identity--...", split = ",", required = true,
                description = "Identity ids to claim (objects its users post with them are accepted as its own).")
        java.util.List<String> identities;

        @Override
        public Integer call() {
            try (Installation hub = open()) {
                Organisation org = hub.organisation(name).orElseThrow(() -> new Settings.SettingsException(
                        "no organisation '" + name + "'; see vigil org list"));
                identities.forEach(OrgCommand::checkIdentity);
                claim(hub, org, identities);
                hub.noteAdmin("org set", org.name() + claimed(identities));
                out().println("organisation " + org.name() + ": identities " + String.join(", ",
                        hub.store.claimedIdentities(org.id())));
                return 0;
            }
        }
    }

    private static void checkIdentity(String id) {
        if (!id.matches("identity--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new Settings.SettingsException("'" + id + "' is not a STIX identity id; write it as identity--UUID");
        }
    }

    /** Refuses ids another organisation has or claims, before a new organisation is made to claim them. */
    private static void refuseTaken(Installation hub, java.util.List<String> ids) {
        for (Organisation other : hub.store.organisations()) {
            for (String id : ids) {
                if (id.equals(other.identityId()) || hub.store.claimedIdentities(other.id()).contains(id)) {
                    throw new Settings.SettingsException("identity " + id + " already belongs to organisation "
                            + other.name() + "; an identity id can be claimed by one organisation only");
                }
            }
        }
    }

    /** Claims each id, refusing (before any is claimed, where the store can tell) one another organisation has. */
    private static void claim(Installation hub, Organisation org, java.util.List<String> ids) {
        for (String id : ids) {
            if (id.equals(org.identityId())) {
                continue;
            }
            try {
                hub.store.claimIdentity(org.id(), id);
            } catch (org.vigil.store.StoreException e) {
                throw new Settings.SettingsException(e.getMessage());
            }
        }
    }

    private static String claimed(java.util.List<String> ids) {
        return ids.isEmpty() ? "" : ", claims " + String.join(", ", ids);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List organisations.")
    static final class List extends AdminCommand {
        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                for (Organisation o : hub.store.organisations()) {
                    java.util.List<String> claims = hub.store.claimedIdentities(o.id());
                    out.println(o.name() + "\t" + o.id() + "\t" + o.identityId() + (o.member() ? "\tmember" : "")
                            + (claims.isEmpty() ? "" : "\tclaims " + String.join(",", claims)));
                }
                return 0;
            }
        }
    }
}
