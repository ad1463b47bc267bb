/**
 * Chat rooms (XEP-0045) at {@code conference.<domain>}: {@link org.parley.server.muc.MucService}
 * is the component and the registry of rooms; each {@link org.parley.server.muc.Room} is an actor
 * holding its state, while the protocol lives in small handlers and policies shared by every room
 * (presence, messages, IQs; one class per rule: password, members-only, bans, limits, nicknames,
 * moderation, invitations, voice requests, registration, history, archive).
 *
 * <p>Choices the XEP leaves to the service:
 * <ul>
 * <li><b>Multi-session nicks</b> (§7.2.9): sessions of one user may share a nickname. In-room
 *     messages and private messages to the nickname reach every session; an IQ to the nickname
 *     goes to one session (the shown one); the others see one occupant, whose presence is that of
 *     its most available session (ties: the first to join), and only when that changes. The
 *     occupant leaves with its last session; a kick or ban removes all of them.</li>
 * <li><b>Registration</b> (§7.10): registering reserves a nickname and makes an unaffiliated user a
 *     member; in a members-only room only those already affiliated may register. A reservation
 *     ends with the user's affiliation (a ban, or back to none) or with {@code <remove/>}.</li>
 * <li><b>Voice requests</b> (§7.13, §8.6): forwarded to every moderator, at most once a minute per
 *     occupant; the approval form's identifying fields are marked required so clients echo them.</li>
 * <li><b>Room discovery</b> (§6.3): disco#items of the service lists the public rooms sorted by
 *     address and pages with RSM (XEP-0059), at most {@code ServiceIq.MAX_PAGE} (500) per answer; a
 *     query without {@code <set/>} gets the first page and a {@code <set/>} with the count. No XEP
 *     defines a filter for disco#items: a query on the node {@code x-roomsearch:<text>} lists only
 *     rooms whose address, name or description contains {@code <text>} (case-insensitive) — the
 *     same rooms the {@code jabber:iq:search} form finds, which pages with RSM too. RSM
 *     {@code after}/{@code before} ids are positions in that order, so paging survives a room that
 *     ends between two pages.</li>
 * <li><b>Configuration changes</b> (§10.2.1): 170/171 when the room starts or stops keeping a
 *     transcript (persistent with logging on), 172/173 when it becomes non-anonymous or
 *     semi-anonymous (rooms are never fully anonymous: no 174), 104 for anything else.</li>
 * </ul>
 * The operator's view of all this is {@code docs/chat-rooms.md}.
 */
package org.parley.server.muc;
