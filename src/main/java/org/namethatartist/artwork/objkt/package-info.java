/**
 * The objkt.com source of artworks: {@link org.namethatartist.artwork.objkt.ObjktTokenSource} reads the
 * tokens a wallet holds and their artists from objkt.com's public GraphQL API over Spring's
 * {@code RestClient}, one request at a time within {@code artwork.objkt.requests-per-second}, trying again
 * after rate limits, server errors and timeouts. It implements the {@link
 * org.namethatartist.artwork.TokenSource} port; caching and refreshing are the artwork module's.
 */
package org.namethatartist.artwork.objkt;
