package org.safeguarding.chronology.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chronology.security.*}.
 *
 * @param adminPasswordFile where the first start writes the generated password of {@code admin}
 * @param adminPassword     the first start's admin password instead of a random one (deployments with a secret
 *                          store); never changes an existing admin
 * @param jwt               the claims a bearer JWT from the OIDC issuer
 *                          ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) names the user by
 */
@ConfigurationProperties("chronology.security")
public record SecuritySettings(@DefaultValue("./data/admin-password") String adminPasswordFile,
                               String adminPassword,
                               @DefaultValue Jwt jwt) {

    /**
     * Claim names; a dotted name reads into nested claims ({@code realm_access.roles}). The role claim may hold a
     * list, of which the first value naming a role (ADMIN, AGENCY, REVIEWER, CHAIR, any case) counts.
     */
    public record Jwt(@DefaultValue("preferred_username") String usernameClaim,
                      @DefaultValue("role") String roleClaim,
                      @DefaultValue("agency") String agencyClaim) {
    }
}
