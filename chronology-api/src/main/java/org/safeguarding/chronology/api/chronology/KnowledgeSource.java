package org.safeguarding.chronology.api.chronology;

public enum KnowledgeSource {
    OWN_RECORD, SHARED
}
