# Writing a bot

A bot is a class that extends `BotVerticle`. It can answer every message itself in `onMessage`, or declare
**routes**, **forms** and an **NLU engine** and let the framework run the dialog. This page builds a small but
complete bot that way, from an empty folder to a tested module, then describes each part.

The finished bot is `bots/appointments`: it books salon appointments with one form, two intents (book, opening
hours) and a global help handler, in 56 lines of Java. Every code block on this page is quoted from files the build
compiles and tests (`BotsGuideTest` fails when they drift apart).

## 1. A module

Make a folder `bots/appointments` with a `pom.xml` whose parent is `chatbot-parent` (copy `bots/echo/pom.xml`) and
these dependencies:

{{bots/appointments/pom.xml dependencies xml}}

Add `<module>bots/appointments</module>` to the root `pom.xml`, and one line to `deploy/pom.xml` so the jar ships
it:

```text
<dependency><groupId>dev.chatbot</groupId><artifactId>chatbot-bot-appointments</artifactId><version>${project.version}</version></dependency>
```

List the bot class in `src/main/resources/META-INF/services/dev.chatbot.bot.BotVerticle`:

```text
dev.chatbot.bots.appointments.AppointmentBot
```

## 2. What the bot understands

Intents and entities are data, in `src/main/resources/appointments-nlu.yaml`. Each intent lists phrases that say
it; each entity lists its values, each with synonyms (the value itself matches too). Typos are forgiven (one letter
in words of five letters or more, by default), and numbers, money and ranges are found without being listed.

{{bots/appointments/src/main/resources/appointments-nlu.yaml nlu yaml}}

## 3. The bot

What the bot collects is a record; choices are enums. State that must outlive a message is declared as typed keys
(this conversation's last booking; the bot-wide diary, shared by every conversation):

{{bots/appointments/src/main/java/dev/chatbot/bots/appointments/AppointmentBot.java types java}}

The form says what to ask for each component of the record, in order. A slot fills from an entity of its name
(`service`, `day`) in any message, several at once, so "a haircut on Friday at 10" leaves only the name to ask.
`"number"` lets a plain number fill `hour` too. The name is remembered per user: a returning customer is not
asked again. While the form waits, the `hours` intent may interrupt it; the form then asks its question again.

{{bots/appointments/src/main/java/dev/chatbot/bots/appointments/AppointmentBot.java form java}}

The routes: the NLU engine, a global handler that works anywhere (even mid-form, which then resumes), a global
cancel, the two intents and a fallback. A form is a handler: `r.intent("book", BOOKING)` starts it.

{{bots/appointments/src/main/java/dev/chatbot/bots/appointments/AppointmentBot.java routes java}}

When every slot is filled, `onDone` gets the record. Here it takes the hour in the bot-wide diary, atomically,
refusing it when someone else has it, and keeps the booking in the conversation:

{{bots/appointments/src/main/java/dev/chatbot/bots/appointments/AppointmentBot.java confirm java}}

## 4. A test

`BotTester` (in `chatbot-testkit`) runs the bot in memory: no server, no HTTP, a millisecond or so per turn. Each
`say` or `tap` is one turn, handled as the server would (state loaded, saved only if the turn succeeds); replies
queue up for the `expect...` methods. The first case of `AppointmentBotTest`:

{{bots/appointments/src/test/java/dev/chatbot/bots/appointments/AppointmentBotTest.java test java}}

Run it with `mvn -q -pl bots/appointments -am test`. The module's other cases walk through wrong answers, help and
opening hours mid-form, a name remembered across conversations, a double booking refused, and cancel.

## 5. Run it

```sh
mvn -q package -DskipTests && BOT=appointments java -jar deploy/target/chatbot.jar
```

Open `http://localhost:8080/chat` and type "I'd like a haircut on Friday at 10".

---

# Reference

## How a message is handled

1. The receive interceptors, outermost first (each may stop the turn).
2. The NLU engine reads typed text (not taps), told which slot the form is asking.
3. **Global** routes, in order: the first that matches answers. A form in progress then asks its question again,
   unless the handler ended it (`turn.cancel()`) or started another.
4. The **form** waiting for an answer, if any: a message matching its `interruptedBy` goes to the other routes (or,
   when none matches, the fallback) and the form asks again, unless the handler ended it; otherwise the message is
   the answer.
5. The other routes, in the order declared; the first match answers.
6. The fallback, if any; otherwise the bot says nothing.

Then the turn's typed state and the dialog position are written into the conversation; a turn whose future failed
writes nothing.

## Routes

{{bots/appointments/src/test/java/dev/chatbot/bots/appointments/guide/GuideSnippets.java routes java}}

- `text(pattern)`: the whole typed text, any case; `{name}` captures one or more characters, read with
  `turn.param("name")`. Everything else is literal: no regex escaping.
- `payload(pattern)`: the payload of a tapped button or quick reply, exact case (`BUY:{sku}`).
- `intent(name)`: the NLU's intent, when its confidence is at least `minConfidence` (0.6 by default).
- `command("/x")`: a slash command, typed or sent by Slack; its argument is `turn.param("args")`.
- `event(name)`: an event the bot sent into the conversation itself (see Proactive messages).
- `on(When, handler)` takes any `When` (`When.anyOf(...)`, or your own lambda over the `Turn`); `global(When, ...)`
  the same, before any form.

A handler returns a `Future<Void>`; `turn.reply(...)` returns one, so most handlers are one expression. Never
block in a handler.

## Prompts

{{bots/appointments/src/test/java/dev/chatbot/bots/appointments/guide/GuideSnippets.java prompts java}}

| prompt | answer | parsed from |
|---|---|---|
| `Prompt.text(q)` | `String` | any non-blank text |
| `Prompt.number(q)`, `Prompt.integer(q)` | `Double`, `Integer` | "12", "10.5", "10 1/2", "ten and a half" |
| `Prompt.choice(q, "A", "B")`, `Prompt.choice(q, Enum.values())` | the option, the constant | the option in any case, its number ("2"), a tap; options are quick replies |
| `Prompt.yesNo(q)` | `Boolean` | yes, yeah, sure, ok / no, nope, nah... |
| `Prompt.of(q, parse)`, `Prompt.ofAsync(q, parse)` | anything | your function (null, a throw or a failed future: not an answer) |

`validate(test, message)` and `validateAsync(test, message)` add checks; a failing check says its message and
asks again. An answer that does not parse gets the retry message (`retry(message, limit)`, default limit 2); after
`limit` wrong answers in a row the form ends and its `onGiveUp` handler answers. Prompts are immutable values:
keep them in `static final` fields.

## Forms

{{bots/appointments/src/test/java/dev/chatbot/bots/appointments/guide/GuideSnippets.java form-extras java}}

A form over a record fills each declared component; `onDone` gets the record (components never filled are null or
zero). `turn.begin(form)` starts a form from any handler; a form used only that way must be made known with
`r.form(FORM)` so it is found again after a restart.

Where a conversation stands is plain data under the `_dialog` key of its state, never code:

```text
{"form":"Booking","slot":"hour","values":{"service":"HAIRCUT","day":"FRIDAY"},"retries":1,"since":1767603600000}
```

so it rides the per-conversation order, survives restarts and moves between cluster members. A form is named by
its record's simple name; a position whose form the bot no longer has is dropped, and the message is routed afresh.

### A checkout: known answers skipped, a confirmation, other questions mid-form

A form can end with a confirmation, and let the user ask the rest of the bot anything while it waits:

{{framework/testkit/src/test/java/dev/chatbot/dialog/FormConfirmationTest.java confirm java}}

- **Known answers are skipped.** An answer its prompt remembers (`remember(Scope.USER)`) is kept as soon as it is
  given, not only when the form ends, so a user who leaves and comes back, or returns next week, is not asked again:
  a returning user goes straight to the confirmation.
- **The confirmation** (`confirm(summary, declined)`) shows `summary` once every slot is filled. A yes ("yes",
  "yes please", "sure", "confirm"...) or a tap on `Form.CONFIRM` runs `onDone`; "change the address" (the slot's
  name) or a tap on `Form.change("address")` asks that slot again, then confirms again; a no ends the form and runs
  `declined`; anything else is asked again like a wrong answer. While it waits, `turn.asking()` is
  `Form.CONFIRMATION`.
- **Other questions mid-form.** `interruptedBy(when)` takes any `When`; `turn.asking()` tells it which slot is being
  asked. A matching message goes to the bot's other routes, or to the fallback when none matches (a bot whose typed
  text is all handled by its fallback needs nothing more), and the form then asks its question again. A handler that
  calls `turn.cancel()` has let the user leave the form (they asked for something else); one that begins a form
  replaces it.

`FormConfirmationTest` shows each case; `bots/shoe-shop` checks out this way (`Checkout`).

## Typed state

{{bots/appointments/src/test/java/dev/chatbot/bots/appointments/guide/GuideSnippets.java state java}}

| scope | read, write | lives in |
|---|---|---|
| `StateKey.conversation` | `turn.get`, `turn.set`, `turn.update` | the conversation's state, written when the turn succeeds |
| `StateKey.user` | the same | the user's profile (every conversation of that user) |
| `StateKey.bot` | `turn.load`, `turn.change` (futures) | the bot's data store (`BotVerticle.data()`), changed at once and atomically; throw in `change` to refuse |

Values are JSON through Jackson: records, lists, maps, enums, strings and numbers. Names starting with `_` are the
framework's. The raw `conversation.state()` and `profile()` JSON objects are still there for bots that want them.

## NLU

{{bots/appointments/src/test/java/dev/chatbot/bots/appointments/guide/GuideSnippets.java nlu java}}

An engine implements one method, `understand(text, context)`, returning a future of an `Understanding`: the intent,
its confidence (0..1) and the entities, each with a name, a value and the words it came from. The context names the
slot being asked, its kind and its options, so a lone "10" after "How many?" becomes that slot's entity, and a
typo of an offered option still picks it.

`LookupNlu` reads YAML or JSON: `intents` (name: phrases), `entities` (name: value: synonyms) and
`fuzzy: {maxDistance: 1, minLength: 5}`. It always finds:

| entity | value | from |
|---|---|---|
| `number` | `BigDecimal` | "10", "10.5", "1,250", "10 1/2", "10½", "twenty one", "ten and a half", "a dozen" |
| `money` | `Money(amount, currency)` | "$150", "150 dollars", "20 euros", "£5" |
| `range` | `Range(min, max)` | "under $150", "less than 80", "at least 3", "between 8 and 10", "8-10", "from 5 to 7" |

`RasaNlu` posts `{"text": ...}` to `{base}/model/parse` of a Rasa server and reads its intent, confidence and
entities; a lone number after a number question is named as the lookup engine does.

### Extractors for an engine of your own

A bot whose language is richer than intents and entities (negations, several values at once, units) writes its own
reading on top of the extractors the framework ships, each a small class with one job in `dev.chatbot.nlu`:

{{framework/core/src/test/java/dev/chatbot/nlu/ExtractorsExampleTest.java extractors java}}

| extractor | finds |
|---|---|
| `PhraseTable<T>` | phrases and what each means, longest first, exactly, a plural "s"/"es" tried off; `putAll(json, meaning)` loads a data file's groups (`{"black": ["blk", "jet black"]}`); `words(text)` splits lower-case text into words with `","` where a clause ends (a negation stops there) |
| `FuzzyNames` | names as people misspell them: typos, swapped letters (`EditDistance`, optimal string alignment), glued or split words; short names must be exact |
| `PriceLimits` | "under $150", "nothing over 80" (a ceiling only after a negation), "between 50 and 100", "around a hundred bucks", prices in words; blanks what it read so a number is read once |
| `Positions` | "the second one", "the last", "#3"; `pick(items, position)` the item named, or null past the end; small counts ("two pairs", "just one") |
| `PaymentMethods` | a wallet or a card type with its last 4 digits; a full card number, to refuse it; `label(text)` for a `Prompt` ("" for a full card number, for its `validate` to refuse) |
| `PostalAddresses` | a first check that a typed shipping address is whole (a number and words, ten characters or more), spaces tidied, cut at 200; `Prompt.of(question, PostalAddresses::read)` asks until it is |
| `TextCues` | the cheap checks that let an extractor skip a regex that cannot match |
| `Lexicon` | a data file's words by kind, read with negation scopes: "black or brown, not suede" says two colours and negates a material; marks (intents, topics) are never negated (below) |
| `SizeChart` | sizes as written in several systems ("size 10 1/2", "ten and a half", "EU 43", "uk 9", "9 wide"), converted to the bot's own system with a chart kept as data (below) |
| `ResourceFile` | reads a bot's data file from the class path (`text`, `json`), at start; `words` and `wordLists` turn its JSON arrays (`{"women": ["ladies", "her"]}`) into lists |

A `Lexicon` is built once from a data file's groups; kinds added first win a phrase both have:

{{framework/core/src/test/java/dev/chatbot/nlu/LexiconTest.java lexicon java}}

{{framework/core/src/test/java/dev/chatbot/nlu/LexiconTest.java read java}}

A reading also gives the words, which of them a phrase took (so `FuzzyNames` can look at the rest), and whether a
negation starts the text or still covers its end.

A `SizeChart` is data: the systems and the words that name them, the rows of the chart (the nearest row converts),
offsets for a system that is another plus a constant, which bare numbers count as sizes, widths, and what after a
number makes it something else ("2 pairs"). Sizes are counted in halves (21 is 10.5):

{{framework/core/src/test/java/dev/chatbot/nlu/SizeChartTest.java sizes java}}

`bots/shoe-shop` (`ShoeNlu`) is the example: its words are data (`shoe-shop/lexicon.json`, its chart
`shoe-shop/size-chart.json`), and it reads a message in microseconds.

## Searching a catalog by wishes

A product-search bot keeps what the user wants over several messages ("black or brown", "not suede", "under $150")
and looks it up in a catalog. `dev.chatbot.search` does the looking up: the bot's own record of the search
implements `Wishes<F>` (per facet `F`, an enum: the values wanted, any of which will do, the values to leave out,
and bounds for a numeric facet), so it keeps its own fields and JSON shape in conversation state:

{{framework/core/src/test/java/dev/chatbot/search/FacetSearchTest.java wishes java}}

`FacetSearch` is built once over the items, with the facets from the one given up most easily to the one that
matters most, and how to read an item's values (several for a multi-valued facet; `allOf` when every wanted value
must be there, like features; `number` for a numeric facet such as a price in cents):

{{framework/core/src/test/java/dev/chatbot/search/FacetSearchTest.java search java}}

`exact(wishes, available, order)` gives the items meeting every wish (`available` is the bot's own test, such as
"in stock in this size"). When there are none, `closest(wishes, available, order)` ranks the others by the wishes
they still meet, each weighing by its place in the list, and says which wishes each one misses, so the bot can say
"the closest I have, in another colour" and offer to let that wish go. An item with a value the user said no to is
never offered, not even as an alternative:

{{framework/core/src/test/java/dev/chatbot/search/FacetSearchTest.java closest java}}

`bots/shoe-shop` searches its 185 shoes this way (`Catalog` describes a shoe's facets, `Wanted` is its `Wishes`).
Two small helpers go with it: `Page.of(results, page, size)` cuts a page out of the results (its items, where it
starts, whether more follow, whether "more" went past the end), and `PriceSteps.cheaperThan(pricesShown, max)` is
the budget "cheaper" means after a page (below the average shown, in whole units; anything cheaper when all cost
the same). For replies built from values, `dialog.Words` says lists ("a, b and c"), counts ("2 pairs") and capitals.

## Stock and orders

`dev.chatbot.commerce` keeps what a shop bot sells in the bot-wide store (`BotVerticle.data()`), so every instance
and cluster member sells from the same shelves, durably with a durable store. `Inventory` holds the counts per item
and variant (a size, a colour) under one key: `open` puts the opening counts of items not stocked yet (a restart
never restocks what was sold), and `take` takes every line of an order in one atomic update or fails with `Refused`
and takes nothing, so nothing is ever oversold:

{{framework/core/src/test/java/dev/chatbot/commerce/InventoryTest.java inventory java}}

`OrderBook` gives order numbers from one atomic counter (unique across instances and restarts), keeps each order as
the bot's own JSON with a `user` and a `status` (or as a typed `Order`: `save(order)`, `order(number)`), finds a
number as people type it (`numberIn("where is ss100042?")` is `"SS-100042"`), and cancels an order once and only for
its owner:

{{framework/core/src/test/java/dev/chatbot/commerce/InventoryTest.java orders java}}

A `Shop` holds both and does the two steps that change both: `place` takes the lines from the stock (all or none,
`Refused` when one is short), then numbers and keeps the order, putting the stock back if it cannot be kept; `cancel`
marks the user's own order cancelled and puts its lines back, once:

{{framework/core/src/test/java/dev/chatbot/commerce/ShopTest.java shop java}}

A `Cart` is what a user means to buy, a value kept in typed conversation state whose lines are the `Inventory`'s, so
`inventory.take(cart.lines())` places it; it knows the line added last ("make it 2" changes that one):

{{framework/core/src/test/java/dev/chatbot/commerce/CartTest.java cart java}}

## Replies as data

What a bot says can live in a data file instead of its code (rewording an answer, or translating the bot, is then an
edit of that file): a `ReplyBook` holds sentences by name, with `{holes}`, and with quick replies when they have
chips (title to payload, or the name of the reply whose chips to reuse):

```text
{"added": "Added {item} to your cart ({count} in all).",
 "empty": {"text": "Your cart is empty.", "chips": {"Mugs": "mugs", "Buy {item}": "BUY:{item}"}},
 "more": "Anything else? {examples}", "examples": "Try \"a red mug\"."}
```

{{framework/core/src/test/java/dev/chatbot/dialog/ReplyBookTest.java replies java}}

`ReplyBook.fromResource("/shop/replies.json")` reads the file at start. A hole no value is given for is the book's
sentence of that name (`{examples}` above), so a sentence said in many replies is written once; a missing key or hole
fails with its name. A chip whose payload comes out empty is left out, so a chip offered only sometimes stays in the
file: with `"found": {"text": "Mugs!", "chips": {"Show more": "{more}", "Start over": "START_OVER"}}`,

{{framework/core/src/test/java/dev/chatbot/dialog/ReplyBookTest.java optional-chips java}}

`bots/shoe-shop` says everything this way (`shoe-shop/replies.json`).

## Interceptors

{{bots/appointments/src/test/java/dev/chatbot/bots/appointments/guide/GuideSnippets.java interceptors java}}

A receive interceptor runs around the turn and returns a future: call `next.get()` to go on, or not, to keep the bot
out (a human has taken over). A send interceptor sees each reply and returns the one to send, or null to drop it.
`TurnLogger` is the example that ships: one line per turn, the conversation as a short hash.

## Handing over to a person

{{bots/shoe-shop/src/main/java/dev/chatbot/bots/shoeshop/ShoeShopBot.java handover java}}

`turn.handOver()` gives the conversation to a person: from the end of that turn the bot hears nothing in it (no
routes, no forms, no fallback) until it is resumed, and the bot event `handover` is counted
(`chatbot_bot_events_total{bot,event="handover"}`). Two things resume it, both then running the handler given to
`r.handover(when, handler)` (the bot says it is back):

- the user, with a message matching `when` ("bot");
- an operator, with the admin API: `POST /api/v1/conversations/{platform}/{conversationId}/resume` (the bearer
  token of `/api/v1`; `conversationId` is the channel, `?thread=` a thread), answered 204, or 404 for a
  conversation the server has never seen. The resume is an event (`Handover.RESUME_EVENT`) queued behind the
  conversation's messages, so it never races a turn; a conversation not handed over is left as it is.

The handover is data in the conversation's state, `"_handover": {"since": 1767603600000, "user": "1001"}`, so it
survives restarts and moves between cluster members. In a test, `bot.event(Handover.RESUME_EVENT, new
JsonObject())` is the operator's resume.

## Testing

`BotTester.start(bot)` deploys one bot on a Vert.x of its own; `close()` stops it.

- `say(text)`, `tap(payload)`, `post(message)`: one turn each; a failing turn fails the test. `attempt(message)`
  returns the failure instead (a failed turn saves nothing).
- `expectText("...")`, `expectText(Text.contains(...))`, `expectQuickReplies(...)`, `expect(Reply.Cards.class)`,
  `expectNoMoreReplies()`, `drain()`.
- `state()`, `profile()`, `state("booked", Booking.class)`: what is saved.
- `newConversation(id)` (same user elsewhere), `as(user)` (another user), `restart(new MyBot())` (a fresh instance
  on the saved state, as after a restart), `clock().advance(Duration.ofMinutes(31))`, `data()` (the bot-wide store).

For a test through HTTP and a real platform adapter, use `TestServer` and the `Chat` DSL (see the README).

## Handling everything yourself

The declarative layer sits on top of `onMessage`; a bot may still override it and never declare a route:

{{bots/appointments/src/test/java/dev/chatbot/bots/appointments/guide/GuideSnippets.java on-message java}}

## Proactive messages

{{bots/appointments/src/test/java/dev/chatbot/bots/appointments/guide/GuideSnippets.java proactive java}}

`proactive(conversation, user, name, data)` sends an event into a conversation through the server's own queue: it
waits behind the conversation's messages, runs with its state loaded and saved, and is routed by
`r.event(name, ...)` (its data is `turn.message().raw()`; global routes, forms and the fallback never see events,
and a form in progress keeps waiting). `BotTester.event(name, data)` sends one in a test, and events a bot sends
during a test turn are handled right after it. (A timer is not durable: for reminders that must survive a restart,
keep them in the bot's data and re-arm the timers at start.)

Messenger and WhatsApp allow free-form messages only within 24 hours of the user's last message. A reply to an
event after that must be platform-specific, a WhatsApp template or a Messenger message tag (see below); any other
reply fails the turn with an error that says so, instead of a rejection from the platform.

## Escape hatches

{{bots/appointments/src/test/java/dev/chatbot/bots/appointments/guide/GuideSnippets.java escape-hatches java}}

- `message.raw()` is the platform's own event the message came from (a Messenger `messaging` item, a WhatsApp
  `message`), a copy each time, so reading it changes nothing; null where an adapter keeps none.
- `Reply.platformSpecific(platform, json, fallback)` sends `json` on that platform and the neutral `fallback`
  everywhere else (`.with(...)` adds platforms). The JSON is the platform's request body without the recipient:
  Messenger's `message` (and, when needed, `messaging_type` and `tag`), WhatsApp's fields besides
  `messaging_product` and `to` (a `template`, say), Slack's `chat.postMessage` fields besides `channel`. A
  Messenger payload without `message` keeps the fallback's rendering and adds its fields: that is how a message tag
  is sent outside the 24-hour window.

## Cost per turn

The framework's own work per message (routing, the dialog, typed state, loading and saving state with the `memory`
store), measured by `bench/turn-cost.sh` outside any bot's work: about 3.3 µs of CPU for a bare `onMessage`,
4.8 µs with routes, 4.4-6.2 µs for a turn of a form (with or without the lookup NLU); the target is 20 µs. See
bench/README.md for the method and the full table.

