/**
 * Product search over facets: {@link dev.chatbot.search.Wishes} (what is wanted and what is not, per facet) and
 * {@link dev.chatbot.search.FacetSearch} (the items meeting every wish, or the nearest ones and the wishes they miss).
 */
package dev.chatbot.search;
