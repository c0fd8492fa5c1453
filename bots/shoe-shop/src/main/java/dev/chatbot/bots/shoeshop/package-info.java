/**
 * The shoe-shopping reference bot: {@link dev.chatbot.bots.shoeshop.ShoeShopBot} (the verticle), its catalog and
 * stock ({@code Catalog}, shared by every bot instance in the JVM), its hand-written understanding ({@code ShoeNlu})
 * and its dialogue ({@code ShopAssistant}: search, cart, checkout).
 */
package dev.chatbot.bots.shoeshop;
