package org.safeguarding.chronology.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every read model is projected by the one tracking processor of this processing group, so all of them follow
 * the event stream in a single order: an entry's agency is in the directory before the entry is in a chronology.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModels {

    public static final String PROCESSING_GROUP = "chronology-projection";

    /**
     * A failed write (MongoDB away) fails the batch: the processor retries it with back-off instead of skipping
     * the event, and the idempotent handlers take the redelivery.
     */
    @Autowired
    void retryFailedBatches(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Flushes the batch's buffered {@link ProjectionWrites} after its last event: the processor stores the token in
     * a prepare-commit handler registered before any of ours, so it must not find them still unwritten.
     */
    @Autowired
    void flushWritesAfterEachBatch(EventProcessingConfigurer processing) {
        processing.registerHandlerInterceptor(PROCESSING_GROUP, configuration -> (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                ProjectionWrites.flushCurrent();
            }
            return result;
        });
    }
}
