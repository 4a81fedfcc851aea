package org.fabrique.coordinator.system.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /**
     * Dates (a need's needed-by day) are stored by the driver's own codecs, in UTC, so that
     * coordinators in different time zones read the same day.
     */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(adapter -> adapter.useNativeDriverJavaTimeCodecs());
    }
}
