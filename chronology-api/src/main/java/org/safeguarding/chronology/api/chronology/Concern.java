package org.safeguarding.chronology.api.chronology;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/** What an entry is about, as the reviews name it. Kept without duplicates, in this order. */
public enum Concern {
    DOMESTIC_ABUSE, PARENTAL_ALCOHOL_MISUSE, PARENTAL_DRUG_MISUSE, PARENTAL_MENTAL_HEALTH,
    PARENTAL_LEARNING_DISABILITY, NEGLECT, PHYSICAL_ABUSE, SEXUAL_ABUSE, EMOTIONAL_ABUSE, NON_ENGAGEMENT,
    CHILD_HEALTH_NEEDS, OTHER;

    /** The stored form: distinct, in enum order; none for null. */
    public static List<Concern> stored(Collection<Concern> concerns) {
        if (concerns == null || concerns.isEmpty()) {
            return List.of();
        }
        EnumSet<Concern> distinct = EnumSet.noneOf(Concern.class);
        concerns.stream().filter(Objects::nonNull).forEach(distinct::add);
        return List.copyOf(distinct);
    }
}
