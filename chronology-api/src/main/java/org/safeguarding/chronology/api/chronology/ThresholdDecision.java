package org.safeguarding.chronology.api.chronology;

/** Children's social care's decision on a referral, from the lowest threshold to the highest. */
public enum ThresholdDecision {
    NO_FURTHER_ACTION, INFORMATION_AND_ADVICE, EARLY_HELP, CHILD_IN_NEED_ASSESSMENT, STRATEGY_DISCUSSION,
    SECTION_47_ENQUIRY
}
