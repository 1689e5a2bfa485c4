package cn.duban.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The receivers make run declares, read as the notifier reads its configuration: the office's mailbox as a JSON
 * array. A JSON default written inside {@code ${VAR:default}} ends at its first '}', and the notifier then refused
 * to start under make run.
 */
class DemoReceiversTest {

    static SmallRyeConfig config(String profile) throws Exception {
        URL properties = DemoReceiversTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "dev"})
    void makeRunDeclaresTheOfficesMailbox(String profile) throws Exception {
        String declared = config(profile).getValue("duban.notifier.receivers", String.class);
        JsonNode receivers = EventCodec.json().readTree(declared);
        assertThat(receivers.isArray()).as(declared).isTrue();
        assertThat(receivers.get(0).path("kind").asText()).isEqualTo("email");
        assertThat(receivers.get(0).path("to").get(0).asText()).isEqualTo("office@duban.local");
    }

    @Test
    void productionDeclaresNoneUnlessTheOperatorDoes() throws Exception {
        assertThat(config("prod").getOptionalValue("duban.notifier.receivers", String.class)).isEmpty();
    }
}
