package org.safeguarding.chronology.api.access;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.messaging.MetaData;

/**
 * The authenticated user on whose behalf a command or query is made. Travels with every command as metadata
 * (the keys below), put there by the one dispatch interceptor on the command bus.
 *
 * @param agencyId the user's agency when the role is AGENCY, else null
 */
public record ActingUser(String username, UserRole role, String agencyId) {

    public static final String USERNAME = "actingUsername";
    public static final String ROLE = "actingRole";
    public static final String AGENCY = "actingAgencyId";

    public ActingUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == UserRole.ADMIN;
    }

    public MetaData toMetaData() {
        Map<String, Object> values = new HashMap<>();
        values.put(USERNAME, username);
        values.put(ROLE, role.name());
        if (agencyId != null) {
            values.put(AGENCY, agencyId);
        }
        return MetaData.from(values);
    }

    /** The acting user a message carries, or null when it carries none (an event replayed, a test without one). */
    public static ActingUser from(MetaData metaData) {
        Object username = metaData.get(USERNAME);
        Object role = metaData.get(ROLE);
        if (username == null || role == null) {
            return null;
        }
        Object agency = metaData.get(AGENCY);
        return new ActingUser(username.toString(), UserRole.valueOf(role.toString()),
                agency == null ? null : agency.toString());
    }
}
