package cn.duban.sectorkit.event;

import cn.duban.sectorkit.repository.SectorStore;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * A sector service whose database is empty (new, or restored blank) reads duban.tasks.v1 from the start,
 * whatever offsets its group committed before: the topic keeps task events forever for this.
 */
@ApplicationScoped
@Identifier("rebuild-when-empty")
public class RebuildWhenEmpty implements KafkaConsumerRebalanceListener {
    private static final Logger LOG = Logger.getLogger(RebuildWhenEmpty.class);

    @Inject
    SectorStore store;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        long known = QuarkusTransaction.requiringNew().call(store::taskCount);
        if (known == 0 && !partitions.isEmpty()) {
            LOG.infof("no assigned tasks stored: rebuilding from the start of %s", partitions);
            consumer.seekToBeginning(partitions);
        }
    }
}
