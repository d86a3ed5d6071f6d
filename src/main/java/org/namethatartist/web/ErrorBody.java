package org.namethatartist.web;

/** Every error the API answers: {@code {"error": "<what is wrong>"}}. */
record ErrorBody(String error) {
}
