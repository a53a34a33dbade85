package org.safeguarding.chronology.api.patterns;

import java.util.List;
import org.safeguarding.chronology.api.casestate.CaseStateView.Verification;

/** The patterns, ordered as the contract says; verification is null unless asked for. */
public record PracticePatternsAnswer(List<PracticePatternView> patterns, Verification verification) {
}
