package org.namethatartist.artwork.objkt;

import org.namethatartist.artwork.ArtworkProperties;
import org.namethatartist.artwork.TokenSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The objkt.com source of the wallets and of servers' pools, with {@code artwork.source: objkt} (the default); no client at all with the demo. */
@Configuration(proxyBeanMethods = false)
@Conditional(ObjktSourceCondition.class)
class ObjktConfiguration {

	@Bean
	ObjktTokenSource objktTokenSource(ArtworkProperties properties) {
		return ObjktTokenSource.create(properties.objkt());
	}

}
