package org.safeguarding.chronology.query.involvement;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import java.util.List;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView;
import org.safeguarding.chronology.api.casestate.FindInvolvement;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.query.chronology.ChronologyQueries;
import org.springframework.stereotype.Service;

/** Each agency's involvement over the child's whole timeline, from the entries of its chronology. */
@Service
public class InvolvementQueries {

    private final ChronologyQueries chronology;

    public InvolvementQueries(ChronologyQueries chronology) {
        this.chronology = chronology;
    }

    /** One item per agency with an entry in chronology(childId, recordedAsOf), by agency id. */
    @QueryHandler
    public List<AgencyInvolvementView> handle(FindInvolvement query) {
        TreeMap<String, List<ChronologyEntryView>> byAgency = chronology
                .matches(query.childId(), null, null, query.recordedAsOf(), null).stream()
                .collect(groupingBy(ChronologyEntryView::agencyId, TreeMap::new, toList()));
        // each agency's entries are in chronology order, so by occurredAt first
        return byAgency.entrySet().stream()
                .map(agency -> {
                    List<ChronologyEntryView> entries = agency.getValue();
                    return new AgencyInvolvementView(agency.getKey(), Episodes.of(entries), entries.size(),
                            entries.get(0).occurredAt(), entries.get(entries.size() - 1).occurredAt());
                })
                .toList();
    }
}
