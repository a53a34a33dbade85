package org.safeguarding.chronology.platform;

import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo's users: a chair, a reviewer and one agency user per demo agency, each with a random password. The
 * passwords are kept in a file readable by its owner only and written before the users are created, so that loading
 * the demo again creates nobody, changes no password and prints none.
 */
public final class DemoUsers {

    public static final String CHAIR = "demo-chair";
    public static final String REVIEWER = "demo-reviewer";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** agencyId null but for role AGENCY. */
    public record DemoUser(String username, String role, String agencyId) {

        String describe() {
            return agencyId == null ? role : role + " of " + agencyId;
        }
    }

    public static final List<DemoUser> ALL = Stream.concat(
            Stream.of(new DemoUser(CHAIR, "CHAIR", null), new DemoUser(REVIEWER, "REVIEWER", null)),
            DemoCase.AGENCIES.stream().map(agency -> new DemoUser(agencyUser(agency.id()), "AGENCY", agency.id())))
            .toList();

    private final Path file;
    private final Map<String, Credentials> usable;
    private final List<DemoUser> created;
    private final List<DemoUser> unknownPassword;

    private DemoUsers(Path file, Map<String, Credentials> usable, List<DemoUser> created,
                      List<DemoUser> unknownPassword) {
        this.file = file;
        this.usable = usable;
        this.created = created;
        this.unknownPassword = unknownPassword;
    }

    public static String agencyUser(String agencyId) {
        return "demo-" + agencyId;
    }

    /** DEMO_USERS_FILE, or ./data/demo-users. */
    public static Path fileFromEnvironment() {
        return Path.of(System.getenv().getOrDefault("DEMO_USERS_FILE", "./data/demo-users")).toAbsolutePath();
    }

    /**
     * Creates the users as the admin {@code commands} acts as, with the passwords kept in the file or, for those it
     * does not hold, new ones it then holds. A user that already existed with a password the file does not hold is
     * left as it is and out of the file.
     */
    public static DemoUsers ensure(GraphQlClient commands, Path file) {
        Map<String, String> kept = read(file);
        List<DemoUser> generated = new ArrayList<>();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (DemoUser user : ALL) {
            String password = kept.get(user.username());
            if (password == null) {
                password = generated();
                generated.add(user);
            }
            passwords.put(user.username(), password);
        }
        if (!generated.isEmpty()) {
            write(file, passwords);
        }
        Map<String, Credentials> usable = new LinkedHashMap<>();
        List<DemoUser> unknownPassword = new ArrayList<>();
        for (DemoUser user : ALL) {
            commands.postOk("mutation($input: CreateUserInput!) { createUser(input: $input) { username } }",
                    object("input", object("username", user.username(), "password", passwords.get(user.username()),
                            "role", user.role(), "agencyId", user.agencyId())));
            Credentials credentials = new Credentials(user.username(), passwords.get(user.username()));
            if (commands.as(credentials).answer("{ me { username } }", object()).status() == 200) {
                usable.put(user.username(), credentials);
            } else {
                unknownPassword.add(user);
                passwords.remove(user.username());
            }
        }
        if (!unknownPassword.isEmpty()) {
            write(file, passwords);
        }
        List<DemoUser> created = generated.stream().filter(user -> usable.containsKey(user.username())).toList();
        return new DemoUsers(file, usable, created, unknownPassword);
    }

    /** The commands as this demo user, or as the admin when its password is not known. */
    public GraphQlClient as(String username, GraphQlClient admin) {
        Credentials credentials = usable.get(username);
        return credentials == null ? admin : admin.as(credentials);
    }

    public Credentials credentials(String username) {
        return usable.get(username);
    }

    /** The users created by this load, their passwords known only from now on. */
    public List<DemoUser> created() {
        return created;
    }

    public List<DemoUser> unknownPassword() {
        return unknownPassword;
    }

    /** The passwords of the users just created, shown this once; else where they are. */
    public void print(PrintStream out) {
        if (!created.isEmpty()) {
            out.println("Demo users created (passwords shown this once; kept in " + file + ", readable by you only):");
            created.forEach(user -> out.printf("  %-22s %-26s %s%n", user.username(), user.describe(),
                    usable.get(user.username()).password()));
        }
        List<DemoUser> kept = ALL.stream()
                .filter(user -> usable.containsKey(user.username()) && !created.contains(user)).toList();
        if (!kept.isEmpty()) {
            out.println("Demo users " + String.join(", ", kept.stream().map(DemoUser::username).toList())
                    + ": their passwords are in " + file);
        }
        unknownPassword.forEach(user -> out.println("warning: " + user.username() + " already existed with a password"
                + " that " + file + " does not hold; the admin acted for it"));
    }

    private static String generated() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Lines "username password role [agency]"; # starts a comment. */
    private static Map<String, String> read(Path file) {
        Map<String, String> passwords = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return passwords;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length >= 2 && !fields[0].startsWith("#")) {
                    passwords.put(fields[0], fields[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return passwords;
    }

    /** Replaces the file at once, owner-only from its first byte. */
    private static void write(Path file, Map<String, String> passwords) {
        StringBuilder text = new StringBuilder("# ./run.sh --demo: the demo users' passwords (username password role)\n");
        ALL.stream().filter(user -> passwords.containsKey(user.username())).forEach(user -> text
                .append(user.username()).append(' ').append(passwords.get(user.username())).append(' ')
                .append(user.role()).append(user.agencyId() == null ? "" : " " + user.agencyId()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path partial;
            try {
                partial = Files.createTempFile(file.getParent(), ".demo-users", ".partial",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                partial = Files.createTempFile(file.getParent(), ".demo-users", ".partial");
            }
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
