/**
 * Artworks and their artists: the {@code tokens.json} document ({@link
 * org.namethatartist.artwork.TokenDocument}) and the {@link org.namethatartist.artwork.TokenCache} port
 * that keeps it. Depends on nothing else in the application.
 */
package org.namethatartist.artwork;
