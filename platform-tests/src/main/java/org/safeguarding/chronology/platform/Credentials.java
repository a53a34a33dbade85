package org.safeguarding.chronology.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** A user of the platform's built-in store, sent as HTTP Basic. */
public record Credentials(String username, String password) {

    public String authorization() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The tools' user: CHRONOLOGY_USERNAME (admin by default) with CHRONOLOGY_PASSWORD, or else the password in the
     * file CHRONOLOGY_PASSWORD_FILE (./data/admin-password by default, as the first start writes it); null when
     * there is neither.
     */
    public static Credentials fromEnvironment() {
        String username = System.getenv().getOrDefault("CHRONOLOGY_USERNAME", "admin");
        String password = System.getenv("CHRONOLOGY_PASSWORD");
        if (password != null && !password.isBlank()) {
            return new Credentials(username, password);
        }
        return fromFile(username, Path.of(System.getenv().getOrDefault("CHRONOLOGY_PASSWORD_FILE", "./data/admin-password")));
    }

    /** The user with the password in the file, or null while there is no such file. */
    public static Credentials fromFile(String username, Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new Credentials(username, Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public String toString() {
        return "Credentials[" + username + "]";
    }
}
