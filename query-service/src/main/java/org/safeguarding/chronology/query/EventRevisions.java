package org.safeguarding.chronology.query;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.safeguarding.chronology.api.chronology.ChronologyUpcasters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Events stored in an older revision are read as the current one; Axon registers every EventUpcaster bean. */
@Configuration(proxyBeanMethods = false)
public class EventRevisions {

    @Bean
    EventUpcaster chronologyUpcasters() {
        return new EventUpcasterChain(ChronologyUpcasters.all());
    }
}
