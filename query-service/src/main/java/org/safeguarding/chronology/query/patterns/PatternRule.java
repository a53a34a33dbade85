package org.safeguarding.chronology.query.patterns;

import java.util.List;

/** One of the contract's practice-pattern rules: the patterns it finds that hold at T. */
interface PatternRule {

    List<Found> find(SeenAt seen);
}
