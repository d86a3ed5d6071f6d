/**
 * Artworks and their artists: the {@code tokens.json} document ({@link
 * org.namethatartist.artwork.TokenDocument}), the {@link org.namethatartist.artwork.TokenCache} port that
 * keeps it, the {@link org.namethatartist.artwork.TokenCatalog} games draw from (held by {@link
 * org.namethatartist.artwork.ArtworkCatalog}), the bundled {@link org.namethatartist.artwork.DemoCatalogue}
 * and the {@code artwork.*} settings. Depends on nothing else in the application.
 */
package org.namethatartist.artwork;
