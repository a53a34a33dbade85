package org.safeguarding.chronology.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.access.UserRole;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A bearer JWT from the configured issuer, read as the acting user its claims name. */
public class JwtActingUser implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt claims;

    public JwtActingUser(SecuritySettings.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        ActingUser user = actingUser(jwt.getClaims());
        return new Token(jwt, user);
    }

    ActingUser actingUser(Map<String, Object> all) {
        Object username = claim(all, claims.usernameClaim());
        if (!(username instanceof String name) || name.isBlank()) {
            throw new BadCredentialsException("the token has no claim " + claims.usernameClaim() + " naming the user");
        }
        UserRole role = role(claim(all, claims.roleClaim()));
        if (role == null) {
            throw new BadCredentialsException("the token's claim " + claims.roleClaim() + " names no role of the platform");
        }
        Object agency = claim(all, claims.agencyClaim());
        String agencyId = agency instanceof Collection<?> list && !list.isEmpty() ? String.valueOf(list.iterator().next())
                : agency instanceof String text && !text.isBlank() ? text : null;
        if (role == UserRole.AGENCY && agencyId == null) {
            throw new BadCredentialsException("an AGENCY user's token needs the claim " + claims.agencyClaim());
        }
        return new ActingUser(name, role, role == UserRole.AGENCY ? agencyId : null);
    }

    private static Object claim(Map<String, Object> all, String dottedName) {
        Object value = all;
        for (String part : dottedName.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static UserRole role(Object value) {
        List<?> candidates = value instanceof Collection<?> list ? List.copyOf(list) : value == null ? List.of() : List.of(value);
        for (Object candidate : candidates) {
            String name = String.valueOf(candidate).toUpperCase(Locale.ROOT);
            for (UserRole role : UserRole.values()) {
                if (role.name().equals(name)) {
                    return role;
                }
            }
        }
        return null;
    }

    /** The JWT, with the acting user as its principal. */
    static final class Token extends AbstractAuthenticationToken {
        private final Jwt jwt;
        private final ActingUser user;

        Token(Jwt jwt, ActingUser user) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
            this.jwt = jwt;
            this.user = user;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.username();
        }
    }
}
