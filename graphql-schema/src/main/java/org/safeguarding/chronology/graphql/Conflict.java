package org.safeguarding.chronology.graphql;

import graphql.ErrorClassification;

/** The classification Spring's ErrorType lacks. */
public enum Conflict implements ErrorClassification {
    CONFLICT
}
