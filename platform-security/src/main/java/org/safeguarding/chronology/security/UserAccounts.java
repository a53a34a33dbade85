package org.safeguarding.chronology.security;

import static org.safeguarding.chronology.api.rejection.RejectedException.badRequest;
import static org.safeguarding.chronology.api.rejection.RejectedException.conflict;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.safeguarding.chronology.api.access.UserRole;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The built-in user store: one document per user in the {@code users} collection, keyed by username, shared by
 * both services. Reads are remembered for at most {@link #FRESH_FOR}, so a user created on one service can log in on
 * the other within that (the contract allows 2 seconds).
 */
public class UserAccounts {

    public static final Duration FRESH_FOR = Duration.ofSeconds(1);
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The stored document's layout. */
    static final class Layout {
        static final String COLLECTION = "users";
        static final String USERNAME = "_id";
        static final String ROLE = "role";
        static final String AGENCY = "agencyId";
        static final String PASSWORD_HASH = "passwordHash";
        static final String CREATED_AT = "createdAt";
        static final String CREATED_BY = "createdBy";

        private Layout() {
        }
    }

    public enum Outcome { CREATED, UNCHANGED }

    private record Remembered(Optional<UserAccount> account, long readAtNanos) {
    }

    private final MongoCollection<Document> users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public UserAccounts(MongoDatabase database, PasswordEncoder passwords, Clock clock) {
        this.users = database.getCollection(Layout.COLLECTION);
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The user as stored at most {@link #FRESH_FOR} ago. */
    public Optional<UserAccount> find(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Remembered known = remembered.get(username);
        if (known != null && now - known.readAtNanos() < FRESH_FOR.toNanos()) {
            return known.account();
        }
        Optional<UserAccount> account = Optional.ofNullable(users.find(Filters.eq(Layout.USERNAME, username)).first())
                .map(UserAccounts::account);
        if (remembered.size() > 10_000) {
            remembered.clear();
        }
        remembered.put(username, new Remembered(account, now));
        return account;
    }

    /** Several users at once, in one read; unknown usernames are left out. */
    public Map<String, UserAccount> findAll(Collection<String> usernames) {
        Map<String, UserAccount> found = new HashMap<>();
        users.find(Filters.in(Layout.USERNAME, List.copyOf(usernames)))
                .forEach(document -> found.put(document.getString(Layout.USERNAME), account(document)));
        return found;
    }

    /** Every user, by username. */
    public List<UserAccount> all() {
        List<UserAccount> all = new ArrayList<>();
        users.find().sort(new Document(Layout.USERNAME, 1)).forEach(document -> all.add(account(document)));
        return all;
    }

    /**
     * Creates the user; the same username again with the same role and agency changes nothing (the password is not
     * changed), with a different role or agency it is a CONFLICT. The agency's existence is the caller's to check.
     */
    public Outcome create(String username, String password, UserRole role, String agencyId, String createdBy) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw badRequest("username must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (role == UserRole.AGENCY && (agencyId == null || agencyId.isBlank())) {
            throw badRequest("agencyId is required for a user with role AGENCY");
        }
        if (role != UserRole.AGENCY && agencyId != null) {
            throw badRequest("agencyId is only for a user with role AGENCY, not " + role);
        }
        Optional<UserAccount> existing = findFresh(username);
        if (existing.isPresent()) {
            return unchangedOrConflict(existing.get(), role, agencyId);
        }
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw badRequest("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Document document = new Document(Layout.USERNAME, username)
                .append(Layout.ROLE, role.name())
                .append(Layout.PASSWORD_HASH, passwords.encode(password))
                .append(Layout.CREATED_AT, clock.instant().toString())
                .append(Layout.CREATED_BY, createdBy);
        if (agencyId != null) {
            document.append(Layout.AGENCY, agencyId);
        }
        try {
            users.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return unchangedOrConflict(findFresh(username).orElseThrow(), role, agencyId);
        }
        remembered.remove(username);
        return Outcome.CREATED;
    }

    private Optional<UserAccount> findFresh(String username) {
        remembered.remove(username);
        return find(username);
    }

    private static Outcome unchangedOrConflict(UserAccount existing, UserRole role, String agencyId) {
        if (existing.role() != role || !Objects.equals(existing.agencyId(), agencyId)) {
            throw conflict("user " + existing.username() + " already exists with another role or agency");
        }
        return Outcome.UNCHANGED;
    }

    private static UserAccount account(Document document) {
        return new UserAccount(document.getString(Layout.USERNAME), UserRole.valueOf(document.getString(Layout.ROLE)),
                document.getString(Layout.AGENCY), document.getString(Layout.PASSWORD_HASH));
    }
}
