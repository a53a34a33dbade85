package org.safeguarding.chronology.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.safeguarding.chronology.api.access.ActingUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Username and password (HTTP Basic or the login form) against the built-in user store. BCrypt takes tens of
 * milliseconds by design; an agency system sends its credentials with every request, so a password once verified
 * against a stored hash is remembered as a keyed MAC (the key never leaves this process) for as long as that hash
 * stays the user's.
 */
public class StoredUserAuthentication implements AuthenticationProvider {

    private record Verified(String passwordHash, byte[] mac) {
    }

    private final UserAccounts users;
    private final PasswordEncoder passwords;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public StoredUserAuthentication(UserAccounts users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        UserAccount account = users.find(username)
                .orElseThrow(() -> new BadCredentialsException("unknown username or wrong password"));
        byte[] mac = mac(username, password);
        Verified earlier = verified.get(username);
        boolean matches = earlier != null && earlier.passwordHash().equals(account.passwordHash())
                && MessageDigest.isEqual(earlier.mac(), mac);
        if (!matches) {
            if (!passwords.matches(password, account.passwordHash())) {
                throw new BadCredentialsException("unknown username or wrong password");
            }
            if (verified.size() > 10_000) {
                verified.clear();
            }
            verified.put(username, new Verified(account.passwordHash(), mac));
        }
        return authenticated(account.actingUser());
    }

    static UsernamePasswordAuthenticationToken authenticated(ActingUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
    }

    private byte[] mac(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
