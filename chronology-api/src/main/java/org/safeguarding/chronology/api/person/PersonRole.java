package org.safeguarding.chronology.api.person;

public enum PersonRole {
    MOTHER, FATHER, STEP_PARENT, PARENTS_PARTNER, SIBLING, GRANDPARENT, OTHER_RELATIVE, LODGER_OR_VISITOR, CARER, OTHER
}
