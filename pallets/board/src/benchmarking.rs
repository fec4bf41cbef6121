//! Benchmarks of every call, of what a deal's end does to the board, and of the expiry hook, at
//! the worst case of the configured bounds: categories at the deepest level (every ancestor
//! read), owners with all but one of their listing slots taken, expiries filed into full
//! deadline pages, and deals that fulfil their listing.

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Hooks};
use frame_system::RawOrigin;
use sp_core::H256;

const SEED: u32 = 0;

/// A member in good standing holding enough for every deposit; returns them and what their
/// escrow insures.
fn member<T: Config>(name: &'static str, index: u32) -> (T::AccountId, BalanceOf<T>) {
	let who: T::AccountId = account(name, index, SEED);
	let insured = T::BenchmarkHelper::insured_member(&who);
	let deposits = T::ListingDeposit::get()
		.saturating_mul(T::MaxListingsPerMember::get().saturating_add(2).into());
	let _ = T::Currency::mint_into(&who, deposits.saturating_mul(10u32.into()));
	(who, insured)
}

/// A chain of categories down to the deepest level; returns the deepest.
fn deepest<T: Config>() -> CategoryId {
	let mut parent = None;
	for depth in 0..T::MaxCategoryDepth::get() {
		let id = NextCategoryId::<T>::get();
		if let Err(error) = Pallet::<T>::do_add_category(parent, name::<T>(b'a', depth)) {
			panic!("benchmark setup failed: {error:?}");
		}
		parent = Some(id);
	}
	parent.unwrap_or_default()
}

/// A name of the longest length.
fn name<T: Config>(fill: u8, tag: u32) -> Vec<u8> {
	let mut name = vec![fill; T::MaxCategoryNameLen::get() as usize];
	if let Some(last) = name.last_mut() {
		*last = b'a'.saturating_add((tag % 26) as u8);
	}
	name
}

/// Terms with the longest title, priced so that `quantity` units cost at most `insured`.
fn terms<T: Config>(
	quantity: u32,
	insured: BalanceOf<T>,
	region: Region,
	expires: BlockNumberFor<T>,
) -> TermsOf<T> {
	let price = (insured / quantity.max(1).into()).max(1u32.into());
	ListingTerms {
		title: BoundedVec::truncate_from(vec![b't'; T::MaxTitleLen::get() as usize]),
		details: H256::repeat_byte(1),
		quantity,
		unit: Unit::Kilogram,
		price: Price::PerUnit(price),
		region,
		expires,
	}
}

fn far<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number().saturating_add(T::MaxListingPeriod::get())
}

/// Fills the expiries of block `at` so that filing one more opens a new page: the costliest
/// filing. The items name no listing, so the hook would skip them.
fn full_deadline_pages<T: Config>(at: BlockNumberFor<T>) {
	let now = frame_system::Pallet::<T>::block_number();
	for _ in 0..T::DeadlinePageSize::get().saturating_mul(2) {
		ExpiryQueue::<T>::file(now, at, ListingId::MAX);
	}
}

/// `who` posts listings until one slot is left; returns the number the next gets.
fn fill_listings<T: Config>(
	who: &T::AccountId,
	category: CategoryId,
	insured: BalanceOf<T>,
) -> ListingId {
	for _ in 1..T::MaxListingsPerMember::get() {
		let _ = Pallet::<T>::post(
			RawOrigin::Signed(who.clone()).into(),
			Side::Offer,
			category,
			terms::<T>(1, insured, 1, far::<T>()),
		);
	}
	NextListingId::<T>::get()
}

/// An owner with full listing slots whose last listing a responder answered with a deal of the
/// whole quantity; returns the listing and the deal.
fn responded<T: Config>() -> (ListingId, DealId) {
	let category = deepest::<T>();
	let (owner, insured) = member::<T>("owner", 0);
	let (responder, theirs) = member::<T>("responder", 1);
	let id = fill_listings::<T>(&owner, category, insured);
	let insured = insured.min(theirs);
	let posted = Pallet::<T>::post(
		RawOrigin::Signed(owner).into(),
		Side::Offer,
		category,
		terms::<T>(2, insured, 1, far::<T>()),
	);
	let answered = posted.and_then(|_| {
		Pallet::<T>::respond(
			RawOrigin::Signed(responder).into(),
			id,
			2,
			ResponseTerms { value: None, details: H256::zero() },
		)
	});
	if let Err(error) = answered {
		panic!("benchmark setup failed: {error:?}");
	}
	// The escrow numbered the deal: the only response.
	let deal = Responses::<T>::iter_keys().next().unwrap_or_default();
	(id, deal)
}

/// The members of a measurement among many.
const MEMBERS: u32 = 10_000;
/// Its regions.
const REGIONS: u32 = 100;

/// `listings` listings of [`MEMBERS`] members, each guaranteed by the next two (a ring), spread
/// over every category, both sides and [`REGIONS`] regions, stored as posting would store them;
/// returns a category and a region that hold some.
fn among_listings<T: Config>(listings: u32) -> (CategoryId, Region) {
	let members: Vec<T::AccountId> = (0..MEMBERS).map(|i| account("member", i, SEED)).collect();
	for (i, who) in members.iter().enumerate() {
		let next = |k: usize| members[(i + k) % members.len()].clone();
		T::BenchmarkHelper::member_guaranteed_by(who, &[next(1), next(2)]);
	}
	let categories: Vec<CategoryId> = Categories::<T>::iter_keys().collect();
	let count = categories.len().max(1) as u32;
	let expires = far::<T>();
	let now = frame_system::Pallet::<T>::block_number();
	for n in 0..listings {
		let owner = members[(n % MEMBERS) as usize].clone();
		let category = categories.get((n % count) as usize).copied().unwrap_or_default();
		let side = if (n / count).is_multiple_of(2) { Side::Offer } else { Side::Request };
		let region = 1 + (n / (count * 2)) % REGIONS;
		let id = NextListingId::<T>::get();
		NextListingId::<T>::put(id.saturating_add(1));
		ListingsOf::<T>::mutate(&owner, |ids| {
			let _ = ids.try_push(id);
		});
		Index::<T>::insert((category, side, region as Region, id), ());
		Listings::<T>::insert(
			id,
			Listing {
				owner,
				side,
				category,
				terms: terms::<T>(10, 100u32.into(), region as Region, expires),
				committed: 0,
				deposit: T::ListingDeposit::get(),
				posted: now,
			},
		);
	}
	(categories.first().copied().unwrap_or_default(), 1)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// The deepest category (every ancestor read), the owner's last free slot, the expiry filed
	// into full pages.
	#[benchmark]
	fn post() {
		let category = deepest::<T>();
		let (owner, insured) = member::<T>("owner", 0);
		let id = fill_listings::<T>(&owner, category, insured);
		full_deadline_pages::<T>(far::<T>());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), Side::Offer, category, terms::<T>(1, insured, 1, far::<T>()));
		assert!(Listings::<T>::contains_key(id));
	}

	// A later expiry (ancestors read, filed into full pages) and a new region (reindexed).
	#[benchmark]
	fn edit() {
		let category = deepest::<T>();
		let (owner, insured) = member::<T>("owner", 0);
		let id = fill_listings::<T>(&owner, category, insured);
		let now = frame_system::Pallet::<T>::block_number();
		let _ = Pallet::<T>::post(
			RawOrigin::Signed(owner.clone()).into(),
			Side::Offer,
			category,
			terms::<T>(1, insured, 1, now.saturating_add(1u32.into())),
		);
		full_deadline_pages::<T>(far::<T>());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, terms::<T>(3, insured, 2, far::<T>()));
		assert_eq!(Listings::<T>::get(id).map(|l| l.terms.region), Some(2));
	}

	// The last of a full list of the owner's listings.
	#[benchmark]
	fn withdraw() {
		let category = deepest::<T>();
		let (owner, insured) = member::<T>("owner", 0);
		let id = fill_listings::<T>(&owner, category, insured);
		let _ = Pallet::<T>::post(
			RawOrigin::Signed(owner.clone()).into(),
			Side::Offer,
			category,
			terms::<T>(1, insured, 1, far::<T>()),
		);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		assert!(!Listings::<T>::contains_key(id));
	}

	// A priced listing answered for all of it: the escrow opens the deal by all its rules.
	#[benchmark]
	fn respond() {
		let category = deepest::<T>();
		let (owner, insured) = member::<T>("owner", 0);
		let (responder, theirs) = member::<T>("responder", 1);
		let id = NextListingId::<T>::get();
		let _ = Pallet::<T>::post(
			RawOrigin::Signed(owner).into(),
			Side::Offer,
			category,
			terms::<T>(2, insured.min(theirs), 1, far::<T>()),
		);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(responder),
			id,
			2,
			ResponseTerms { value: None, details: H256::zero() },
		);
		assert_eq!(Listings::<T>::get(id).map(|l| l.committed), Some(2));
	}

	// Under a category one level above the deepest (every ancestor read).
	#[benchmark]
	fn add_category() -> Result<(), BenchmarkError> {
		let mut parent = None;
		for depth in 0..T::MaxCategoryDepth::get().saturating_sub(1) {
			let id = NextCategoryId::<T>::get();
			let _ = Pallet::<T>::do_add_category(parent, name::<T>(b'b', depth));
			parent = Some(id);
		}
		let origin =
			T::CategoryOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let id = NextCategoryId::<T>::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, parent, name::<T>(b'c', 0));
		assert!(Categories::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn rename_category() -> Result<(), BenchmarkError> {
		let category = deepest::<T>();
		let origin =
			T::CategoryOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, category, name::<T>(b'd', 0));
		assert_eq!(
			Categories::<T>::get(category).map(|c| c.name.into_inner()),
			Some(name::<T>(b'd', 0))
		);
		Ok(())
	}

	#[benchmark]
	fn retire_category() -> Result<(), BenchmarkError> {
		let category = deepest::<T>();
		let origin =
			T::CategoryOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, category);
		assert!(Categories::<T>::get(category).is_some_and(|c| c.retired));
		Ok(())
	}

	// A response's deal completes and takes the listing's whole quantity: the listing is
	// fulfilled and taken down, its deposit returned.
	#[benchmark]
	fn deal_completed() {
		let (id, deal) = responded::<T>();
		let (a, b): (T::AccountId, T::AccountId) = (account("a", 0, SEED), account("b", 0, SEED));
		#[block]
		{
			<Pallet<T> as OnDealEnded<T::AccountId>>::completed(deal, &a, &b);
		}
		assert!(!Listings::<T>::contains_key(id));
	}

	// A response's deal ends otherwise: its quantity opens again.
	#[benchmark]
	fn deal_closed() {
		let (id, deal) = responded::<T>();
		#[block]
		{
			<Pallet<T> as OnDealEnded<T::AccountId>>::closed(deal);
		}
		assert_eq!(Listings::<T>::get(id).map(|l| l.committed), Some(0));
	}

	// A block with nothing due.
	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(now);
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
	}

	// `n` listings expire at this block, each of another owner with full listing slots; `b`
	// blocks stepped to reach it (the hook catching up).
	#[benchmark]
	fn on_initialize(
		n: Linear<
			1,
			{ T::DeadlinePageSize::get().saturating_mul(T::DeadlinePagesPerBlock::get()) },
		>,
		b: Linear<1, { synergy_primitives::deadlines::MAX_BLOCKS_STEPPED }>,
	) {
		let category = deepest::<T>();
		let start = frame_system::Pallet::<T>::block_number();
		let due = start.saturating_add(b.into());
		for i in 0..n {
			let (owner, insured) = member::<T>("owner", i);
			fill_listings::<T>(&owner, category, insured);
			let _ = Pallet::<T>::post(
				RawOrigin::Signed(owner).into(),
				Side::Offer,
				category,
				terms::<T>(1, insured, 1, due),
			);
		}
		// The hook last ran `b` blocks before: it steps from there.
		ExpiryBacklog::<T>::put(start.saturating_add(1u32.into()));
		frame_system::Pallet::<T>::set_block_number(due);
		#[block]
		{
			Pallet::<T>::on_initialize(due);
		}
		assert_eq!(
			Listings::<T>::iter().count() as u32,
			n.saturating_mul(T::MaxListingsPerMember::get().saturating_sub(1))
		);
	}

	// Measurement only, run with `--extra` by scripts/measure-board.sh: a page of the board and
	// the matches of a listing among `l` listings of 10 000 members (each guaranteed by the next
	// two), spread over the categories, both sides and 100 regions, as the board fills.
	#[benchmark(extra)]
	fn board_among_listings(l: Linear<10_000, 100_000>) {
		let (category, region) = among_listings::<T>(l);
		#[block]
		{
			let page = Pallet::<T>::board_view(category, None, Some(region), 0);
			assert!(!page.listings.is_empty());
		}
	}

	#[benchmark(extra)]
	fn matches_among_listings(l: Linear<10_000, 100_000>) {
		let (category, region) = among_listings::<T>(l);
		let (asker, _) = member::<T>("asker", 0);
		let id = NextListingId::<T>::get();
		let _ = Pallet::<T>::post(
			RawOrigin::Signed(asker).into(),
			Side::Request,
			category,
			ListingTerms { price: Price::InKind, ..terms::<T>(1, 1u32.into(), region, far::<T>()) },
		);
		#[block]
		{
			let matches = Pallet::<T>::matches_view(MatchFor::Listing(id), MAX_MATCHES);
			assert!(!matches.is_empty());
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
