package org.namethatartist.artwork;

/**
 * An artist as {@code tokens.json} keeps it: the name shown to players, whether it came from an alias or
 * a Tezos domain ({@code hasResolution}), and the profile it was resolved from.
 */
public record ArtistInfo(String displayName, boolean hasResolution, ArtistProfile info) {
}
