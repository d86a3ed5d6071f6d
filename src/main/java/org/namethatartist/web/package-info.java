/**
 * The HTTP adapter on the public port: the JSON API of DESIGN.md ("HTTP") over {@code game} and
 * {@code player}, and the static pages (leaderboard, a player's stats, play in the browser). Request
 * bodies are read and checked here, strictly, so every bad input is answered 4xx with {@code {"error":
 * …}}; nothing else in the application depends on this package.
 */
package org.namethatartist.web;
