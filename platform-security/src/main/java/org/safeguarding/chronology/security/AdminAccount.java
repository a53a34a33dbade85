package org.safeguarding.chronology.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.safeguarding.chronology.api.access.UserRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * On the first start, the user {@code admin} (role ADMIN) with a random password written to the admin password file
 * (readable by its owner only) and printed once, or with the configured password (then no file). Later starts keep it. Both services run this; the store's unique
 * username decides which one creates the user, and only that one writes the file. A file left from an earlier store
 * gives its password to a new store's admin, so the file never lies.
 */
public class AdminAccount implements InitializingBean {

    public static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccounts users;
    private final SecuritySettings settings;

    public AdminAccount(UserAccounts users, SecuritySettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        if (users.find(USERNAME).isPresent()) {
            return;
        }
        Path file = Path.of(settings.adminPasswordFile()).toAbsolutePath();
        String kept = Files.isRegularFile(file) ? read(file) : null;
        boolean configured = settings.adminPassword() != null && !settings.adminPassword().isBlank();
        String password = configured ? settings.adminPassword() : kept != null ? kept : generated();
        if (users.create(USERNAME, password, UserRole.ADMIN, null, "first start") != UserAccounts.Outcome.CREATED) {
            return;
        }
        if (configured) {
            log.info("Created the user admin with the configured password (chronology.security.admin-password)");
            return;
        }
        if (password.equals(kept)) {
            log.info("Created the user admin with the password kept in {}", file);
            return;
        }
        write(file, password);
        log.info("Created the user admin; its password is in {}", file);
        System.out.println("First start: user admin, password " + password + " (also in " + file + ")");
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.length() >= UserAccounts.MIN_PASSWORD_LENGTH ? text : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin password file " + file, e);
        }
    }

    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            try {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(partial);
            } catch (FileAlreadyExistsException raced) {
                throw new IllegalStateException("another process is writing " + partial, raced);
            }
            Files.writeString(partial, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.SYNC);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin password file " + file, e);
        }
    }
}
