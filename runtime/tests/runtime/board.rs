//! The offer and request board on the real runtime: the starter categories, a listing answered
//! by an insured deal that completes in the escrow, the deposit held and returned, a blocked
//! member refused, categories kept by the general meeting. The founders of the local testnet
//! preset: Alice guaranteed by Bob and Charlie, Bob by Charlie and Dave, Charlie by Dave and
//! Alice, Dave by Alice and Bob, each insured for the managers' 2 100 SYN.

// A test fails loudly, with the reason, where the runtime and node never may.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crate::common;

use common::{ext_from_preset, founders, initialize_block};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use pallet_board::{ListingTerms, MatchFor, Price, ResponseTerms, Side, Unit};
use pallet_fund_voting::MotionRules;
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use synergy_runtime::{
	configs::board::STARTER_CATEGORIES, currency::UNITS, AccountId, Balances, Board, Complaints,
	Escrow, Runtime, RuntimeCall, RuntimeHoldReason, RuntimeOrigin, System,
};

type BoardError = pallet_board::Error<Runtime>;

const MEAT: u16 = 1;
const SAUSAGE: u16 = 3;
const REGION: u16 = 77;

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn deposit_held(who: &AccountId) -> u128 {
	Balances::balance_on_hold(&RuntimeHoldReason::Board(pallet_board::HoldReason::Listing), who)
}

fn terms(
	title: &str,
	quantity: u32,
	price: Option<u128>,
	expires: u32,
) -> pallet_board::TermsOf<Runtime> {
	ListingTerms {
		title: BoundedVec::truncate_from(title.as_bytes().to_vec()),
		details: [5; 32].into(),
		quantity,
		unit: Unit::Kilogram,
		price: price.map(Price::PerUnit).unwrap_or(Price::InKind),
		region: REGION,
		expires,
	}
}

fn run_to(to: u32) {
	for n in System::block_number() + 1..=to {
		initialize_block(n);
		synergy_runtime::invariants::check().unwrap();
	}
}

#[test]
fn every_preset_starts_with_the_seeds_categories() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let categories = Board::categories_view();
		assert_eq!(categories.len(), STARTER_CATEGORIES.len());
		let names: Vec<&str> = categories.iter().map(|c| c.name.as_str()).collect();
		assert_eq!(&names[..4], &["food", "meat", "dairy", "sausage"]);
		assert!(names.contains(&"money and loans") && names.contains(&"introductions"));
		assert_eq!(categories[MEAT as usize].parent, Some(0));
		synergy_runtime::invariants::check().unwrap();
	});
}

/// The farmer offers meat, the sausage workshop requests it: each sees the other as a match;
/// the workshop responds, the farmer accepts in the escrow, both confirm, and the offer's
/// quantity falls by what the deal took.
#[test]
fn the_workshop_answers_the_farmers_meat_with_an_insured_deal() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [farmer, workshop, ..] = founders();
		initialize_block(1);
		let offer = pallet_board::NextListingId::<Runtime>::get();
		assert_ok!(Board::post(
			signed(&farmer),
			Side::Offer,
			MEAT,
			terms("beef", 100, Some(5 * UNITS), 500)
		));
		assert_eq!(deposit_held(&farmer), UNITS);
		let request = offer + 1;
		assert_ok!(Board::post(
			signed(&workshop),
			Side::Request,
			MEAT,
			terms("meat for sausage", 40, None, 500)
		));

		let for_workshop = Board::matches_view(MatchFor::Account(workshop.clone()), 10);
		assert_eq!(for_workshop.iter().map(|m| m.listing.id).collect::<Vec<_>>(), vec![offer]);
		let score = &for_workshop[0].score;
		// Bob guarantees Alice: one handshake.
		assert_eq!(score.handshakes, Some(1));
		assert_eq!((score.deal_value, score.covered), (Some(200 * UNITS), Some(true)));
		let for_farmer = Board::matches_view(MatchFor::Listing(offer), 10);
		assert_eq!(for_farmer.iter().map(|m| m.listing.id).collect::<Vec<_>>(), vec![request]);

		let deal = pallet_deposit_escrow::NextDealId::<Runtime>::get();
		assert_ok!(Board::respond(
			signed(&workshop),
			offer,
			40,
			ResponseTerms { value: None, details: [6; 32].into() }
		));
		let opened = pallet_deposit_escrow::Deals::<Runtime>::get(deal).unwrap();
		assert_eq!(
			(opened.initiator, opened.counterparty.clone(), opened.amount),
			(workshop.clone(), farmer.clone(), 200 * UNITS)
		);
		assert_eq!(Board::listing_view(offer).unwrap().committed, 40);
		assert_ok!(Escrow::accept_deal(signed(&farmer), deal));
		assert_ok!(Escrow::confirm_deal(signed(&farmer), deal));
		assert_ok!(Escrow::confirm_deal(signed(&workshop), deal));
		let listing = Board::listing_view(offer).unwrap();
		assert_eq!((listing.quantity, listing.committed), (60, 0));
		assert_eq!(pallet_board::DealsCompleted::<Runtime>::get(&farmer), 1);
		assert_eq!(pallet_board::DealsCompleted::<Runtime>::get(&workshop), 1);
		System::assert_has_event(
			pallet_board::Event::Taken { listing: offer, deal, quantity: 40, left: 60 }.into(),
		);
		synergy_runtime::invariants::check().unwrap();
	});
}

/// The escrow's rules hold for a response: no deal above the insured quantum, and a listing
/// left to expire returns its deposit at its block.
#[test]
fn a_response_keeps_the_escrows_rules_and_an_expired_listing_returns_its_deposit() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [farmer, workshop, ..] = founders();
		initialize_block(1);
		let offer = pallet_board::NextListingId::<Runtime>::get();
		assert_ok!(Board::post(
			signed(&farmer),
			Side::Offer,
			MEAT,
			terms("herd", 10, Some(1_000 * UNITS), 20)
		));
		assert_noop!(
			Board::respond(
				signed(&workshop),
				offer,
				3,
				ResponseTerms { value: None, details: [0; 32].into() }
			),
			pallet_deposit_escrow::Error::<Runtime>::AboveQuantum
		);
		run_to(20);
		assert!(Board::listing_view(offer).is_none());
		assert_eq!(deposit_held(&farmer), 0);
		System::assert_has_event(
			pallet_board::Event::Expired { listing: offer, deposit: UNITS }.into(),
		);
	});
}

#[test]
fn a_member_accused_by_a_complaint_cannot_post() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, bob, ..] = founders();
		initialize_block(1);
		let deal = pallet_deposit_escrow::NextDealId::<Runtime>::get();
		assert_ok!(Escrow::open_deal(signed(&alice), bob.clone().into(), UNITS, [1; 32].into()));
		assert_ok!(Escrow::accept_deal(signed(&bob), deal));
		assert_ok!(Complaints::file(signed(&alice), deal, None));
		assert_noop!(
			Board::post(signed(&bob), Side::Offer, MEAT, terms("beef", 1, None, 50)),
			BoardError::Blocked
		);
	});
}

/// The general meeting keeps the categories by ordinary motion; nobody else can.
#[test]
fn the_meeting_keeps_the_categories() {
	ext_from_preset(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let [alice, ..] = founders();
		initialize_block(1);
		let add = RuntimeCall::Board(pallet_board::Call::add_category {
			parent: Some(7),
			name: b"carpentry".to_vec(),
		});
		assert!(synergy_runtime::configs::governance::Motions::allowed(&add));
		assert!(!synergy_runtime::configs::governance::Motions::critical(&add));
		assert_noop!(
			Board::add_category(signed(&alice), Some(7), b"carpentry".to_vec()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Board::add_category(RuntimeOrigin::root(), Some(7), b"carpentry".to_vec()));
		let added = STARTER_CATEGORIES.len() as u16;
		assert_eq!(Board::categories_view()[added as usize].name, "carpentry");
		assert_ok!(Board::retire_category(RuntimeOrigin::root(), 0));
		assert_noop!(
			Board::post(signed(&alice), Side::Offer, SAUSAGE, terms("salami", 1, None, 50)),
			BoardError::CategoryRetired
		);
		synergy_runtime::invariants::check().unwrap();
	});
}
