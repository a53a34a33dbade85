package org.safeguarding.chronology.query.files;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.agency.FindAgencies;

/** The names of the agencies an export names, asked for once per page for those not yet known. */
final class AgencyNames {

    private final QueryGateway queries;
    private final Map<String, String> names = new HashMap<>();

    AgencyNames(QueryGateway queries) {
        this.queries = queries;
    }

    void learn(Collection<String> agencyIds) {
        List<String> unknown = agencyIds.stream().filter(id -> !names.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            queries.query(new FindAgencies(unknown), ResponseTypes.multipleInstancesOf(AgencyView.class)).join()
                    .forEach(agency -> names.put(agency.id(), agency.name()));
        }
    }

    boolean registered(String agencyId) {
        learn(List.of(agencyId));
        return names.containsKey(agencyId);
    }

    /** The agency's name; its id while it is not in the directory. */
    String name(String agencyId) {
        return names.getOrDefault(agencyId, agencyId);
    }
}
