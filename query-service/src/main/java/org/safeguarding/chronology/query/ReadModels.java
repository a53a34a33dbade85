package org.safeguarding.chronology.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.safeguarding.chronology.query.status.ProjectionFailures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every read model is projected by the one pooled streaming processor of this processing group. Its segments are
 * shared by the live query-service instances; events are sequenced per aggregate, so all the events of one child
 * (its registration, entries, shares and person records) are in one segment and its read models follow its stream
 * in order. An agency's registration may be in another segment and projected after the entries naming it:
 * {@link org.safeguarding.chronology.query.agency.AgencyQueries} reads such an agency from its events.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModels {

    public static final String PROCESSING_GROUP = "chronology-projection";
    private static final String SEGMENT_ID = "Processor[" + PROCESSING_GROUP + "]/SegmentId";

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
     * a prepare-commit handler registered before any of ours, so it must not find them still unwritten. A failed
     * batch is recorded against its segment until one of its batches commits.
     */
    @Autowired
    void flushWritesAfterEachBatch(EventProcessingConfigurer processing, ProjectionFailures failures) {
        processing.registerHandlerInterceptor(PROCESSING_GROUP, configuration -> (unitOfWork, chain) -> {
            Integer segment = unitOfWork.root().getResource(SEGMENT_ID);
            try {
                Object result = chain.proceed();
                if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                    ProjectionWrites.flushCurrent();
                    if (segment != null) {
                        unitOfWork.root().afterCommit(committed -> failures.succeeded(PROCESSING_GROUP, segment));
                    }
                }
                return result;
            } catch (Exception e) {
                if (segment != null) {
                    failures.failed(PROCESSING_GROUP, segment, e);
                }
                throw e;
            }
        });
    }
}
