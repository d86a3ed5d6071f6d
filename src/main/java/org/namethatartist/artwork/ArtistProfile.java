package org.namethatartist.artwork;

/** What objkt.com knows of an artist's address; every member may be null. */
public record ArtistProfile(String tzdomain, String alias, String description, String logo) {
}
