package org.safeguarding.chronology.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.chronology.api.access.UserRole;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.api.rejection.Rejection;
import org.safeguarding.chronology.embedded.EmbeddedMongo;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class UserAccountsTest {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    private static final MongoClient CLIENT = MongoClients.create(MONGO.uri("users-test"));
    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @TempDir
    Path data;

    @AfterAll
    static void close() {
        CLIENT.close();
        MONGO.close();
    }

    private static UserAccounts users(String database) {
        return new UserAccounts(CLIENT.getDatabase(database), PASSWORDS, Clock.systemUTC());
    }

    @Test
    void theSameUserAgainChangesNothingNotEvenThePasswordAndAnotherRoleOrAgencyIsAConflict() {
        UserAccounts users = users("users-" + UUID.randomUUID());
        StoredUserAuthentication login = new StoredUserAuthentication(users, PASSWORDS);
        assertThat(users.create("police.officer-2", "first-password-1", UserRole.AGENCY, "police", "admin"))
                .isEqualTo(UserAccounts.Outcome.CREATED);
        assertThat(users.create("police.officer-2", "second-password", UserRole.AGENCY, "police", "admin"))
                .isEqualTo(UserAccounts.Outcome.UNCHANGED);
        assertThat(users.create("police.officer-2", null, UserRole.AGENCY, "police", "admin"))
                .isEqualTo(UserAccounts.Outcome.UNCHANGED);
        assertThat(login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("police.officer-2",
                "first-password-1")).getPrincipal()).hasFieldOrPropertyWithValue("agencyId", "police");
        assertThatThrownBy(() -> login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                "police.officer-2", "second-password"))).isInstanceOf(BadCredentialsException.class);
        assertRejected(() -> users.create("police.officer-2", "first-password-1", UserRole.AGENCY, "school", "admin"),
                Rejection.CONFLICT, "already exists");
        assertRejected(() -> users.create("police.officer-2", "first-password-1", UserRole.REVIEWER, null, "admin"),
                Rejection.CONFLICT, "already exists");
    }

    @Test
    void usernamePasswordAndAgencyAreCheckedAndThePasswordIsStoredHashed() {
        UserAccounts users = users("users-" + UUID.randomUUID());
        assertRejected(() -> users.create("", "long-enough-password", UserRole.CHAIR, null, "admin"), Rejection.BAD_REQUEST, "username");
        assertRejected(() -> users.create("a".repeat(65), "long-enough-password", UserRole.CHAIR, null, "admin"), Rejection.BAD_REQUEST, "username");
        assertRejected(() -> users.create("chair 1", "long-enough-password", UserRole.CHAIR, null, "admin"), Rejection.BAD_REQUEST, "username");
        assertRejected(() -> users.create("chair-1", "short-pass", UserRole.CHAIR, null, "admin"), Rejection.BAD_REQUEST, "at least 12");
        assertRejected(() -> users.create("chair-1", null, UserRole.CHAIR, null, "admin"), Rejection.BAD_REQUEST, "at least 12");
        assertRejected(() -> users.create("gp-1", "long-enough-password", UserRole.AGENCY, null, "admin"), Rejection.BAD_REQUEST, "agencyId is required");
        assertRejected(() -> users.create("chair-1", "long-enough-password", UserRole.CHAIR, "police", "admin"), Rejection.BAD_REQUEST, "agencyId is only");
        users.create("a".repeat(64), "long-enough-password", UserRole.CHAIR, null, "admin");
        assertThat(users.find("a".repeat(64)).orElseThrow().passwordHash()).startsWith("{bcrypt}")
                .doesNotContain("long-enough-password");
    }

    @Test
    void theFirstStartWritesTheAdminPasswordOwnerOnlyAndLaterStartsKeepIt() throws Exception {
        String database = "users-" + UUID.randomUUID();
        Path file = data.resolve("data").resolve("admin-password");
        SecuritySettings settings = new SecuritySettings(file.toString(), null, null);
        new AdminAccount(users(database), settings).afterPropertiesSet();
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(UserAccounts.MIN_PASSWORD_LENGTH);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        StoredUserAuthentication login = new StoredUserAuthentication(users(database), PASSWORDS);
        assertThat(login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", password))
                .getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");

        new AdminAccount(users(database), settings).afterPropertiesSet();
        assertThat(Files.readString(file).strip()).as("a later start keeps it").isEqualTo(password);

        String fresh = "users-" + UUID.randomUUID();
        new AdminAccount(users(fresh), settings).afterPropertiesSet();
        assertThat(Files.readString(file).strip()).as("a new store's admin takes the file's password").isEqualTo(password);
        new StoredUserAuthentication(users(fresh), PASSWORDS)
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", password));
    }

    private static void assertRejected(Runnable create, Rejection rejection, String message) {
        assertThatThrownBy(create::run).isInstanceOfSatisfying(RejectedException.class, rejected -> {
            assertThat(rejected.rejection()).isEqualTo(rejection);
            assertThat(rejected.getMessage()).contains(message);
        });
    }
}
