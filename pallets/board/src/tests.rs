//! The board's rules, one behaviour a test: posting, editing, withdrawing, expiry, responding and
//! what a deal's end does to its listing, the categories, matching and ranking, the queries.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Hooks, BoundedVec};
use sp_runtime::DispatchError;
use synergy_primitives::{doubles, Conduct};

fn offer_meat(expires: u64) -> ListingId {
	post(FARMER, Side::Offer, MEAT, terms("beef", 100, Some(10), 7, expires))
}

fn response(value: Option<Balance>) -> ResponseTerms<Balance> {
	ResponseTerms { value, details: hash(3) }
}

#[test]
fn posting_holds_the_deposit_and_lists_the_offer() {
	test(|| {
		let id = offer_meat(50);
		assert_eq!(held(FARMER), DEPOSIT);
		let listing = Listings::<Test>::get(id).expect("posted");
		assert_eq!((listing.owner, listing.side, listing.category), (FARMER, Side::Offer, MEAT));
		assert_eq!((listing.terms.quantity, listing.committed, listing.posted), (100, 0, 1));
		assert_eq!(ListingsOf::<Test>::get(FARMER).into_inner(), vec![id]);
		assert!(Index::<Test>::contains_key((MEAT, Side::Offer, 7, id)));
		assert_eq!(Expiries::<Test>::get(50).into_inner(), vec![id]);
		System::assert_last_event(
			Event::Posted {
				listing: id,
				owner: FARMER,
				side: Side::Offer,
				category: MEAT,
				region: 7,
				quantity: 100,
				expires: 50,
				deposit: DEPOSIT,
			}
			.into(),
		);
	});
}

#[test]
fn posting_is_refused_by_name_with_nothing_moved() {
	test(|| {
		let good = || terms("beef", 100, Some(10), 7, 50);
		let refused = |who, category, terms, error: Error<Test>| {
			assert_noop!(Board::post(signed(who), Side::Offer, category, terms), error);
		};
		refused(OUTSIDER, MEAT, good(), Error::NotMember);
		doubles::set_blocked(WORKSHOP, true);
		refused(WORKSHOP, MEAT, good(), Error::Blocked);
		doubles::set_banned(CLINIC, true);
		refused(CLINIC, MEAT, good(), Error::Banned);
		refused(FARMER, 99, good(), Error::UnknownCategory);
		refused(FARMER, MEAT, terms("", 1, Some(1), 7, 50), Error::BadText);
		let mut bad_utf8 = good();
		bad_utf8.title = BoundedVec::truncate_from(vec![0xff, 0xfe]);
		refused(FARMER, MEAT, bad_utf8, Error::BadText);
		refused(FARMER, MEAT, terms("beef", 0, Some(1), 7, 50), Error::ZeroQuantity);
		refused(FARMER, MEAT, terms("beef", 1, Some(0), 7, 50), Error::ZeroPrice);
		refused(FARMER, MEAT, terms("beef", 1, Some(1), 7, 1), Error::ExpiryInPast);
		refused(FARMER, MEAT, terms("beef", 1, None, 7, 2 + MAX_PERIOD), Error::ExpiryTooFar);
		refused(PAUPER, MEAT, good(), Error::DepositNotPayable);
		for _ in 0..MAX_LISTINGS {
			post(FARMER, Side::Offer, MEAT, good());
		}
		refused(FARMER, MEAT, good(), Error::TooManyListings);
		assert_eq!(held(FARMER), DEPOSIT * MAX_LISTINGS as Balance);
		assert_eq!(held(PAUPER), 0);
	});
}

#[test]
fn a_retired_category_or_one_below_it_takes_no_listing() {
	test(|| {
		assert_ok!(Board::retire_category(RuntimeOrigin::root(), FOOD));
		System::assert_last_event(Event::CategoryRetired { category: FOOD }.into());
		for category in [FOOD, MEAT, SAUSAGE] {
			assert_noop!(
				Board::post(signed(FARMER), Side::Offer, category, terms("beef", 1, None, 7, 50)),
				Error::<Test>::CategoryRetired
			);
		}
		post(PHARMACY, Side::Offer, MEDICINE, terms("aspirin", 5, Some(2), 7, 50));
	});
}

#[test]
fn editing_changes_the_terms_reindexes_and_files_the_new_expiry() {
	test(|| {
		let id = offer_meat(50);
		assert_ok!(Board::edit(signed(FARMER), id, terms("veal", 40, Some(12), 8, 80)));
		System::assert_last_event(Event::Edited { listing: id, quantity: 40, expires: 80 }.into());
		let listing = Listings::<Test>::get(id).expect("open");
		assert_eq!(listing.terms.region, 8);
		assert!(!Index::<Test>::contains_key((MEAT, Side::Offer, 7, id)));
		assert!(Index::<Test>::contains_key((MEAT, Side::Offer, 8, id)));
		// The old expiry passes over it; the new one takes it down.
		run_to_block(50);
		assert!(Listings::<Test>::contains_key(id));
		run_to_block(80);
		assert!(!Listings::<Test>::contains_key(id));
		assert_eq!(held(FARMER), 0);
	});
}

#[test]
fn editing_is_refused_by_name() {
	test(|| {
		let id = offer_meat(50);
		assert_noop!(
			Board::edit(signed(WORKSHOP), id, terms("beef", 1, None, 7, 50)),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Board::edit(signed(FARMER), 99, terms("beef", 1, None, 7, 50)),
			Error::<Test>::UnknownListing
		);
		assert_noop!(
			Board::edit(signed(FARMER), id, terms("beef", 1, None, 7, 1)),
			Error::<Test>::ExpiryInPast
		);
		assert_ok!(Board::respond(signed(WORKSHOP), id, 30, response(None)));
		assert_noop!(
			Board::edit(signed(FARMER), id, terms("beef", 29, Some(10), 7, 50)),
			Error::<Test>::BelowCommitted
		);
		assert_ok!(Board::retire_category(RuntimeOrigin::root(), MEAT));
		assert_noop!(
			Board::edit(signed(FARMER), id, terms("beef", 30, Some(10), 7, 51)),
			Error::<Test>::CannotExtend
		);
		// Shortening it, or keeping it, is allowed.
		assert_ok!(Board::edit(signed(FARMER), id, terms("beef", 30, Some(10), 7, 40)));
	});
}

#[test]
fn withdrawing_returns_the_deposit() {
	test(|| {
		let id = offer_meat(50);
		assert_noop!(Board::withdraw(signed(WORKSHOP), id), Error::<Test>::NotOwner);
		assert_noop!(Board::withdraw(signed(FARMER), 99), Error::<Test>::UnknownListing);
		assert_ok!(Board::withdraw(signed(FARMER), id));
		System::assert_last_event(Event::Withdrawn { listing: id, deposit: DEPOSIT }.into());
		assert_eq!(held(FARMER), 0);
		assert!(!ListingsOf::<Test>::contains_key(FARMER));
		assert!(Index::<Test>::iter_keys().next().is_none());
	});
}

#[test]
fn listings_expire_at_their_block_in_bounded_steps() {
	test(|| {
		// Four listings of three members expire at block 20: a page of three a block.
		let mut ids = Vec::new();
		for who in [FARMER, FARMER, WORKSHOP, PHARMACY] {
			ids.push(post(who, Side::Offer, MEAT, terms("beef", 1, None, 7, 20)));
		}
		assert_eq!(ExpiryPages::<Test>::get(20), 1);
		run_to_block(19);
		assert_eq!(Listings::<Test>::iter().count(), 4);
		run_to_block(20);
		assert_eq!(Listings::<Test>::iter().count(), 1, "one page handled");
		assert_eq!(ExpiryBacklog::<Test>::get(), Some(20));
		run_to_block(21);
		assert_eq!(Listings::<Test>::iter().count(), 0, "the rest the next block");
		for id in ids {
			assert!(events().contains(&Event::Expired { listing: id, deposit: DEPOSIT }));
		}
		assert_eq!(held(FARMER) + held(WORKSHOP) + held(PHARMACY), 0);
	});
}

#[test]
fn an_idle_block_is_charged_the_idle_hook() {
	test(|| {
		offer_meat(50);
		System::set_block_number(2);
		assert_eq!(Board::on_initialize(2), <() as WeightInfo>::on_initialize_idle());
	});
}

#[test]
fn responding_opens_an_insured_deal_and_commits_the_quantity() {
	test(|| {
		let id = offer_meat(50);
		assert_ok!(Board::respond(signed(WORKSHOP), id, 30, response(None)));
		let deal =
			OpenedDeal { initiator: WORKSHOP, counterparty: FARMER, amount: 300, terms: hash(3) };
		assert_eq!(opened(), vec![deal]);
		assert_eq!(Listings::<Test>::get(id).map(|l| l.committed), Some(30));
		assert_eq!(Responses::<Test>::get(0), Some(Response { listing: id, quantity: 30 }));
		System::assert_last_event(
			Event::Responded {
				listing: id,
				deal: 0,
				responder: WORKSHOP,
				quantity: 30,
				value: 300,
			}
			.into(),
		);
		// The value stated must be the price's.
		assert_ok!(Board::respond(signed(CLINIC), id, 10, response(Some(100))));
		assert_noop!(
			Board::respond(signed(CLINIC), id, 10, response(Some(99))),
			Error::<Test>::ValueMismatch
		);
	});
}

#[test]
fn a_completed_deal_takes_its_quantity_and_fulfils_the_listing() {
	test(|| {
		let id = offer_meat(50);
		assert_ok!(Board::respond(signed(WORKSHOP), id, 60, response(None)));
		assert_ok!(Board::respond(signed(CLINIC), id, 40, response(None)));
		complete(0);
		System::assert_last_event(
			Event::Taken { listing: id, deal: 0, quantity: 60, left: 40 }.into(),
		);
		assert_eq!(DealsCompleted::<Test>::get(WORKSHOP), 1);
		assert_eq!(DealsCompleted::<Test>::get(FARMER), 1);
		let listing = Listings::<Test>::get(id).expect("open");
		assert_eq!((listing.terms.quantity, listing.committed), (40, 40));
		complete(1);
		assert!(events().contains(&Event::Taken { listing: id, deal: 1, quantity: 40, left: 0 }));
		System::assert_last_event(Event::Fulfilled { listing: id, deposit: DEPOSIT }.into());
		assert!(!Listings::<Test>::contains_key(id));
		assert_eq!(held(FARMER), 0);
		assert_eq!(DealsCompleted::<Test>::get(FARMER), 2);
	});
}

#[test]
fn a_deal_that_ends_otherwise_opens_its_quantity_again() {
	test(|| {
		let id = offer_meat(50);
		assert_ok!(Board::respond(signed(WORKSHOP), id, 100, response(None)));
		assert_noop!(
			Board::respond(signed(CLINIC), id, 1, response(None)),
			Error::<Test>::BeyondQuantity
		);
		close(0);
		System::assert_last_event(Event::Released { listing: id, deal: 0, quantity: 100 }.into());
		assert_eq!(
			Listings::<Test>::get(id).map(|l| (l.terms.quantity, l.committed)),
			Some((100, 0))
		);
		assert_eq!(DealsCompleted::<Test>::get(WORKSHOP), 0);
		assert_ok!(Board::respond(signed(CLINIC), id, 1, response(None)));
	});
}

#[test]
fn a_deal_of_a_withdrawn_listing_ends_without_touching_the_board() {
	test(|| {
		let id = offer_meat(50);
		assert_ok!(Board::respond(signed(WORKSHOP), id, 10, response(None)));
		assert_ok!(Board::withdraw(signed(FARMER), id));
		complete(0);
		assert!(!Responses::<Test>::contains_key(0));
		assert_eq!(DealsCompleted::<Test>::get(FARMER), 1, "the deal still counts");
		assert!(!events().iter().any(|e| matches!(e, Event::Taken { .. })));
	});
}

#[test]
fn responding_is_refused_by_name_with_nothing_moved() {
	test(|| {
		let id = offer_meat(50);
		let kind = post(FARMER, Side::Offer, MEAT, terms("pork", 5, None, 7, 50));
		let refused = |who, listing, quantity, value, error: DispatchError| {
			assert_noop!(Board::respond(signed(who), listing, quantity, response(value)), error);
		};
		refused(WORKSHOP, 99, 1, None, Error::<Test>::UnknownListing.into());
		refused(FARMER, id, 1, None, Error::<Test>::OwnListing.into());
		refused(OUTSIDER, id, 1, None, Error::<Test>::NotMember.into());
		doubles::set_blocked(CLINIC, true);
		refused(CLINIC, id, 1, None, Error::<Test>::Blocked.into());
		refused(WORKSHOP, id, 0, None, Error::<Test>::ZeroQuantity.into());
		refused(WORKSHOP, id, 101, None, Error::<Test>::BeyondQuantity.into());
		refused(WORKSHOP, kind, 1, None, Error::<Test>::ValueRequired.into());
		// The escrow's own rules: above the insured quantum of either party.
		refused(WORKSHOP, kind, 1, Some(INSURED + 1), DispatchError::Other("escrow: above cover"));
		doubles::set_insured(PENSIONER, 50, 50);
		refused(PENSIONER, id, 6, None, DispatchError::Other("escrow: above cover"));
		let huge =
			post(FOUNDER, Side::Offer, MEAT, terms("herd", u32::MAX, Some(Balance::MAX), 7, 50));
		refused(WORKSHOP, huge, 2, None, Error::<Test>::Overflow.into());
		run_to_block(50);
		assert!(Listings::<Test>::get(id).is_none());
		assert!(opened().is_empty());
	});
}

#[test]
fn a_listing_past_its_block_waiting_in_the_backlog_takes_no_response() {
	test(|| {
		for _ in 0..3 {
			post(WORKSHOP, Side::Offer, MEAT, terms("beef", 1, None, 7, 20));
		}
		let late = offer_meat(20);
		run_to_block(20);
		assert!(Listings::<Test>::contains_key(late), "waits in the backlog");
		assert_noop!(
			Board::respond(signed(CLINIC), late, 1, response(None)),
			Error::<Test>::ListingExpired
		);
		run_to_block(21);
		assert!(!Listings::<Test>::contains_key(late));
	});
}

#[test]
fn the_meeting_keeps_the_categories() {
	test(|| {
		assert_noop!(
			Board::add_category(signed(FARMER), None, b"fuel".to_vec()),
			DispatchError::BadOrigin
		);
		assert_ok!(Board::add_category(
			RuntimeOrigin::root(),
			Some(SERVICES),
			b"transport".to_vec()
		));
		System::assert_last_event(
			Event::CategoryAdded {
				category: 8,
				parent: Some(SERVICES),
				name: b"transport".to_vec(),
			}
			.into(),
		);
		assert_eq!(Categories::<Test>::get(8).map(|c| c.depth), Some(1));
		assert_ok!(Board::rename_category(RuntimeOrigin::root(), 8, b"carriage".to_vec()));
		System::assert_last_event(
			Event::CategoryRenamed { category: 8, name: b"carriage".to_vec() }.into(),
		);
		assert_noop!(
			Board::rename_category(signed(FARMER), 8, b"x".to_vec()),
			DispatchError::BadOrigin
		);
		assert_noop!(Board::retire_category(signed(FARMER), 8), DispatchError::BadOrigin);
	});
}

#[test]
fn the_tree_is_bounded_and_its_names_checked() {
	test(|| {
		let root = RuntimeOrigin::root;
		assert_noop!(
			Board::add_category(root(), Some(99), b"x".to_vec()),
			Error::<Test>::UnknownCategory
		);
		assert_noop!(Board::add_category(root(), None, Vec::new()), Error::<Test>::BadText);
		assert_noop!(Board::add_category(root(), None, vec![0xc3]), Error::<Test>::BadText);
		assert_noop!(
			Board::add_category(root(), None, b"thirteen bytes".to_vec()),
			Error::<Test>::BadText
		);
		// Depth: food (0) › meat (1) › beef (2) › no further.
		assert_ok!(Board::add_category(root(), Some(MEAT), b"beef".to_vec()));
		assert_noop!(
			Board::add_category(root(), Some(8), b"steak".to_vec()),
			Error::<Test>::TooDeep
		);
		assert_ok!(Board::retire_category(root(), HOUSING));
		assert_noop!(Board::retire_category(root(), HOUSING), Error::<Test>::AlreadyRetired);
		assert_noop!(Board::retire_category(root(), 99), Error::<Test>::UnknownCategory);
		assert_noop!(
			Board::rename_category(root(), 99, b"x".to_vec()),
			Error::<Test>::UnknownCategory
		);
		assert_noop!(Board::rename_category(root(), MEAT, Vec::new()), Error::<Test>::BadText);
		assert_noop!(
			Board::add_category(root(), Some(HOUSING), b"flats".to_vec()),
			Error::<Test>::CategoryRetired
		);
		for name in [b"fuel".to_vec(), b"feed".to_vec(), b"work".to_vec()] {
			assert_ok!(Board::add_category(root(), None, name));
		}
		assert_eq!(Categories::<Test>::count(), MAX_CATEGORIES);
		assert_noop!(
			Board::add_category(root(), None, b"loans".to_vec()),
			Error::<Test>::TooManyCategories
		);
	});
}

#[test]
fn the_starter_migration_seeds_an_empty_tree_once() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	frame_support::parameter_types! {
		pub Starter: Vec<(Vec<u8>, Option<CategoryId>)> = starter();
	}
	test(|| {
		// A chain that had no board: no categories, storage at version 0.
		let _ = Categories::<Test>::clear(u32::MAX, None);
		NextCategoryId::<Test>::kill();
		StorageVersion::new(0).put::<Board>();
		migrations::v1::MigrateV0ToV1::<Test, Starter>::on_runtime_upgrade();
		assert_eq!(Board::on_chain_storage_version(), StorageVersion::new(1));
		assert_eq!(Categories::<Test>::count(), starter().len() as u32);
		assert_eq!(Categories::<Test>::get(MEAT).map(|c| c.parent), Some(Some(FOOD)));
		// Once only.
		assert_ok!(Board::retire_category(RuntimeOrigin::root(), MEAT));
		migrations::v1::MigrateV0ToV1::<Test, Starter>::on_runtime_upgrade();
		assert_eq!(Categories::<Test>::count(), starter().len() as u32);
	});
}

#[test]
fn the_board_pages_a_category_and_its_subtree_newest_first() {
	test(|| {
		let beef = offer_meat(50);
		let milk = post(WORKSHOP, Side::Offer, DAIRY, terms("milk", 10, Some(1), 7, 50));
		let wanted = post(WORKSHOP, Side::Request, MEAT, terms("beef", 10, None, 7, 50));
		let far = post(CLINIC, Side::Offer, MEAT, terms("lamb", 10, None, 9, 50));
		let everywhere =
			post(PHARMACY, Side::Offer, SAUSAGE, terms("salami", 10, None, ANYWHERE, 50));
		let ids = |page: BoardPage<AccountId, Balance, u64>| -> Vec<ListingId> {
			page.listings.iter().map(|l| l.id).collect()
		};
		assert_eq!(
			ids(Board::board_view(FOOD, Some(Side::Offer), None, 0)),
			vec![everywhere, far, milk, beef]
		);
		assert_eq!(
			ids(Board::board_view(FOOD, Some(Side::Offer), Some(7), 0)),
			vec![everywhere, milk, beef]
		);
		assert_eq!(ids(Board::board_view(MEAT, None, None, 0)), vec![far, wanted, beef]);
		assert_eq!(ids(Board::board_view(MEDICINE, None, None, 0)), Vec::<ListingId>::new());
		let view = Board::listing_view(beef).expect("on the board");
		assert_eq!(
			(view.title.as_str(), view.quantity, view.price),
			("beef", 100, Price::PerUnit(10))
		);
		assert!(Board::listing_view(99).is_none());
		let categories = Board::categories_view();
		assert_eq!(categories.len(), starter().len());
		assert_eq!(categories[MEAT as usize].name, "meat");
		assert_ok!(Board::retire_category(RuntimeOrigin::root(), FOOD));
		assert!(Board::categories_view()[SAUSAGE as usize].retired, "retired from above");
	});
}

#[test]
fn the_board_pages_by_twenty() {
	use frame_support::traits::fungible::Mutate;
	test(|| {
		// Three listings for each of ten members, in one category.
		let posters: Vec<AccountId> = [FARMER, WORKSHOP, PENSIONER, PHARMACY, CLINIC, FOUNDER]
			.into_iter()
			.chain(20..24)
			.collect();
		for who in posters {
			doubles::admit(who);
			assert_ok!(Balances::mint_into(&who, WEALTH));
			for _ in 0..MAX_LISTINGS {
				post(who, Side::Offer, REPAIR, terms("fix", 1, None, 7, 50));
			}
		}
		let first = Board::board_view(SERVICES, None, None, 0);
		assert_eq!(
			(first.listings.len(), first.more, first.truncated),
			(PAGE_SIZE as usize, true, false)
		);
		assert_eq!(first.listings[0].id, 29, "newest first");
		let second = Board::board_view(SERVICES, None, None, 1);
		assert_eq!((second.listings.len(), second.more), (10, false));
		assert_eq!(second.listings[9].id, 0);
		assert!(Board::board_view(SERVICES, None, None, 2).listings.is_empty());
	});
}

#[test]
fn matches_are_the_opposite_side_of_the_subtree_and_region_ranked_by_trust() {
	test(|| {
		// The pensioner asks for medicine in region 7.
		let ask = post(PENSIONER, Side::Request, MEDICINE, terms("insulin", 2, Some(40), 7, 50));
		// The pharmacy: two handshakes away (the founder guarantees both), a clean record.
		doubles::guarantee(FOUNDER, PENSIONER);
		doubles::guarantee(FOUNDER, PHARMACY);
		let near = post(PHARMACY, Side::Offer, MEDICINE, terms("insulin", 10, Some(40), 7, 50));
		// The clinic: not connected, one upheld complaint.
		doubles::set_conduct(CLINIC, Conduct { received: 1, upheld: 1, ..Default::default() });
		let far = post(CLINIC, Side::Offer, MEDICINE, terms("insulin", 10, Some(35), ANYWHERE, 50));
		// Not matched: another region, the same side, another category.
		post(FARMER, Side::Offer, MEDICINE, terms("herbs", 10, None, 9, 50));
		post(WORKSHOP, Side::Request, MEDICINE, terms("insulin", 1, None, 7, 50));
		post(WORKSHOP, Side::Offer, REPAIR, terms("insulin", 1, None, 7, 50));

		let matches = Board::matches_view(MatchFor::Listing(ask), 10);
		let ids: Vec<ListingId> = matches.iter().map(|m| m.listing.id).collect();
		assert_eq!(ids, vec![near, far]);
		let best = &matches[0].score;
		assert_eq!(best.handshakes, Some(2));
		assert_eq!(best.nearness_points, 250);
		assert_eq!((best.deal_value, best.covered, best.cover_points), (Some(80), Some(true), 200));
		assert_eq!(best.total, 1_450);
		let worst = &matches[1].score;
		assert_eq!(
			(worst.complaints_upheld, worst.record_points, worst.handshakes),
			(1, -200, None)
		);
		assert_eq!(worst.total, 1_000);
		// The same, asked for the account.
		let mine = Board::matches_view(MatchFor::Account(PENSIONER), 1);
		assert_eq!(
			mine.iter().map(|m| (m.for_listing, m.listing.id)).collect::<Vec<_>>(),
			vec![(ask, near)]
		);
		assert!(Board::matches_view(MatchFor::Listing(99), 10).is_empty());
	});
}

#[test]
fn the_record_the_guarantors_and_the_cover_move_the_score() {
	test(|| {
		let ask = post(WORKSHOP, Side::Request, MEAT, terms("beef", 50, None, 7, 50));
		let offer = offer_meat(50);
		let score = || Board::matches_view(MatchFor::Listing(ask), 1)[0].score.clone();
		assert_eq!((score().deal_value, score().total), (Some(500), 1_200));
		// Completed deals: ten points each, at most fifty of them.
		for _ in 0..60 {
			Board::completed(1_000, &FARMER, &CLINIC);
		}
		assert_eq!((score().deals_completed, score().record_points), (60, 500));
		// A guarantor's upheld complaint and a banned guarantor.
		doubles::guarantee(FOUNDER, FARMER);
		doubles::guarantee(PHARMACY, FARMER);
		doubles::set_conduct(FOUNDER, Conduct { received: 2, upheld: 2, ..Default::default() });
		doubles::set_banned(PHARMACY, true);
		assert_eq!((score().guarantors_upheld, score().guarantors_banned), (2, 1));
		assert_eq!(score().guarantor_points, -200);
		// Not covered: the escrow would refuse a deal that size.
		doubles::set_insured(FARMER, 400, 400);
		assert_eq!((score().covered, score().cover_points), (Some(false), -200));
		// A banned owner, many complaints: never below zero.
		doubles::set_banned(FARMER, true);
		doubles::set_conduct(FARMER, Conduct { received: 20, upheld: 10, ..Default::default() });
		assert_eq!(score().total, 0);
		// A blocked owner is not matched: the escrow would refuse.
		doubles::set_blocked(FARMER, true);
		assert!(Board::matches_view(MatchFor::Listing(ask), 1).is_empty());
		let _ = offer;
	});
}

#[test]
fn handshakes_go_both_ways_and_stop_at_six() {
	test(|| {
		// A chain 1 ← 2 ← 3 ← ... ← 9 of guarantees (each guarantees the one before).
		for n in 1..9u64 {
			doubles::guarantee(100 + n + 1, 100 + n);
		}
		let from = Board::handshakes_from(&101);
		assert_eq!(from.get(&107), Some(&6));
		assert_eq!(from.get(&108), None);
		let back = Board::handshakes_from(&105);
		assert_eq!((back.get(&101), back.get(&109)), (Some(&4), Some(&4)));
	});
}

#[test]
fn a_listing_in_kind_matched_with_one_in_kind_has_no_known_value() {
	test(|| {
		let ask = post(WORKSHOP, Side::Request, MEAT, terms("beef", 5, None, 7, 50));
		post(FARMER, Side::Offer, MEAT, terms("beef", 5, None, 7, 50));
		let score = Board::matches_view(MatchFor::Listing(ask), 1)[0].score.clone();
		assert_eq!((score.deal_value, score.covered, score.cover_points), (None, None, 0));
	});
}

#[test]
fn views_serialise_as_auditors_read_them() {
	test(|| {
		let id = offer_meat(50);
		let json = serde_json::to_value(Board::listing_view(id).expect("posted")).expect("json");
		assert_eq!(json["price"], serde_json::json!({ "perUnit": "10" }));
		assert_eq!(json["deposit"], serde_json::json!("100"));
		assert_eq!(json["side"], serde_json::json!("offer"));
		assert_eq!(json["unit"], serde_json::json!("kilogram"));
		// A match's deal value is a balance: a decimal string, as every balance.
		post(WORKSHOP, Side::Request, MEAT, terms("beef", 5, None, 7, 50));
		let matched = Board::matches_view(MatchFor::Account(WORKSHOP), 1);
		let json = serde_json::to_value(&matched[0].score).expect("json");
		assert_eq!(json["dealValue"], serde_json::json!("50"));
		assert_eq!(json["handshakes"], serde_json::Value::Null);
	});
}

#[test]
fn the_invariants_catch_a_deposit_not_held() {
	test(|| {
		offer_meat(50);
		use frame_support::traits::{fungible::MutateHold, tokens::Precision};
		assert_ok!(Balances::release(&HoldReason::Listing.into(), &FARMER, 1, Precision::Exact));
		assert!(Board::do_try_state().is_err());
		assert_ok!(Balances::hold(&HoldReason::Listing.into(), &FARMER, 1));
	});
}
