//! What the runtime API reads: the board by category, side and region; a listing; the matches of
//! a listing or of an account, ranked by trust, every part of the score shown.
//!
//! ## The score
//! A match ranks by its owner's score, seen from the member matched for (the owner of the
//! listing matched, or the account asking):
//!
//! ```text
//! total = max(0, BASE_SCORE + record + guarantors + nearness + cover)
//! record     = 10 × min(deals completed, 50) − 200 × complaints upheld
//!              − 20 × (complaints received − upheld) − 300 if banned
//! guarantors = − 50 × complaints upheld against their guarantors − 100 × guarantors banned
//! nearness   = 50 × (MAX_HANDSHAKES + 1 − handshakes) within MAX_HANDSHAKES handshakes, else 0
//! cover      = 200 if their insured quantum and headroom cover the deal's value, − 200 if they
//!              do not (the escrow would refuse the deal), 0 when the value is not known
//! ```
//!
//! Handshakes count guarantees either way (guarantor or protégé) between the two, breadth
//! first from the member matched for, at most [`MAX_HANDSHAKES`] deep and [`MAX_VISITED`]
//! accounts (the seed's "six handshakes"). The deal's value is the smaller of the two
//! quantities at the price of the priced side (the listing's own price first). Ties rank the
//! newer listing first.

use super::*;
use alloc::{
	collections::{btree_map::BTreeMap, btree_set::BTreeSet, vec_deque::VecDeque},
	string::String,
	vec::Vec,
};
use sp_runtime::traits::UniqueSaturatedInto;
use synergy_primitives::EscrowStanding;

/// The listings of a page of the board.
pub const PAGE_SIZE: u32 = 20;
/// The most index entries one query reads: a page of a category holding more orders only the
/// newest of them (see [`BoardPage::truncated`]).
pub const MAX_SCANNED: u32 = 2_000;
/// The most matches one query returns.
pub const MAX_MATCHES: u32 = 50;
/// The most opposite listings one match query scores, the newest of those indexed: the rest
/// rank by the same rule, further down than anyone reads.
pub const MAX_CANDIDATES: usize = 500;
/// The deepest the graph is searched for a path between two members.
pub const MAX_HANDSHAKES: u8 = 6;
/// The most accounts one search of the graph visits.
pub const MAX_VISITED: usize = 2_000;
/// The score every member starts from.
pub const BASE_SCORE: i32 = 1_000;

/// What matching reads once of a listing's owner: their score's parts that do not depend on
/// the deal, and their escrow.
type OwnerFacts<T> = (Score, EscrowStanding<BalanceOf<T>>);

impl<T: Config> Pallet<T> {
	/// Every category, in number order.
	pub fn categories_view() -> Vec<CategoryView> {
		let mut all: Vec<(CategoryId, CategoryOf<T>)> = Categories::<T>::iter().collect();
		all.sort_by_key(|(id, _)| *id);
		let retired: BTreeSet<CategoryId> =
			all.iter().filter(|(_, c)| c.retired).map(|(id, _)| *id).collect();
		let parents: BTreeMap<CategoryId, Option<CategoryId>> =
			all.iter().map(|(id, c)| (*id, c.parent)).collect();
		all.into_iter()
			.map(|(id, category)| {
				let mut above = Some(id);
				let mut is_retired = false;
				for _ in 0..=T::MaxCategoryDepth::get() {
					let Some(at) = above else { break };
					is_retired |= retired.contains(&at);
					above = parents.get(&at).copied().flatten();
				}
				CategoryView {
					id,
					parent: category.parent,
					name: String::from_utf8_lossy(&category.name).into_owned(),
					depth: category.depth,
					retired: is_retired,
				}
			})
			.collect()
	}

	/// `category` and every category below it.
	fn subtree(category: CategoryId) -> Vec<CategoryId> {
		let parents: BTreeMap<CategoryId, Option<CategoryId>> =
			Categories::<T>::iter().map(|(id, c)| (id, c.parent)).collect();
		let mut ids: Vec<CategoryId> = parents
			.keys()
			.copied()
			.filter(|id| {
				let mut at = Some(*id);
				for _ in 0..=T::MaxCategoryDepth::get() {
					match at {
						Some(x) if x == category => return true,
						Some(x) => at = parents.get(&x).copied().flatten(),
						None => return false,
					}
				}
				false
			})
			.collect();
		ids.sort();
		ids
	}

	/// The listing numbers of `categories` on `sides` in `region` (every region with `None`;
	/// with `Some(r)`, also those serving [`ANYWHERE`]), newest first, at most [`MAX_SCANNED`]
	/// read; and whether the bound was met.
	fn indexed(
		categories: &[CategoryId],
		sides: &[Side],
		region: Option<Region>,
	) -> (Vec<ListingId>, bool) {
		let mut ids = Vec::new();
		let mut left = MAX_SCANNED as usize;
		let mut truncated = false;
		'scan: for category in categories {
			for side in sides {
				let prefixes: Vec<Option<Region>> = match region {
					None => alloc::vec![None],
					Some(ANYWHERE) => alloc::vec![Some(ANYWHERE)],
					Some(r) => alloc::vec![Some(r), Some(ANYWHERE)],
				};
				for prefix in prefixes {
					let keys: alloc::boxed::Box<dyn Iterator<Item = ListingId>> = match prefix {
						None => alloc::boxed::Box::new(
							Index::<T>::iter_key_prefix((*category, *side)).map(|(_, id)| id),
						),
						Some(r) => alloc::boxed::Box::new(Index::<T>::iter_key_prefix((
							*category, *side, r,
						))),
					};
					for id in keys {
						if left == 0 {
							truncated = true;
							break 'scan;
						}
						left -= 1;
						ids.push(id);
					}
				}
			}
		}
		ids.sort_by(|a, b| b.cmp(a));
		(ids, truncated)
	}

	/// A page of the board: the listings of `category` and below it, of `side` (both with
	/// `None`), in `region` (with `Some`, those serving every region too; every region with
	/// `None`), newest first, [`PAGE_SIZE`] a page.
	pub fn board_view(
		category: CategoryId,
		side: Option<Side>,
		region: Option<Region>,
		page: u32,
	) -> BoardPage<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		let sides: Vec<Side> = match side {
			Some(side) => alloc::vec![side],
			None => alloc::vec![Side::Offer, Side::Request],
		};
		let (ids, truncated) = Self::indexed(&Self::subtree(category), &sides, region);
		let start = (page as usize).saturating_mul(PAGE_SIZE as usize);
		let listings = ids
			.iter()
			.skip(start)
			.take(PAGE_SIZE as usize)
			.filter_map(|id| Self::listing_view(*id))
			.collect();
		let more = ids.len() > start.saturating_add(PAGE_SIZE as usize);
		BoardPage { listings, page, more, truncated }
	}

	/// Listing `id`, if it is on the board.
	pub fn listing_view(
		id: ListingId,
	) -> Option<ListingView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Listings::<T>::get(id).map(|listing| Self::view(id, listing))
	}

	fn view(
		id: ListingId,
		listing: ListingOf<T>,
	) -> ListingView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		ListingView {
			id,
			owner: listing.owner,
			side: listing.side,
			category: listing.category,
			title: String::from_utf8_lossy(&listing.terms.title).into_owned(),
			details: listing.terms.details,
			quantity: listing.terms.quantity,
			committed: listing.committed,
			unit: listing.terms.unit,
			price: listing.terms.price,
			region: listing.terms.region,
			expires: listing.terms.expires,
			deposit: listing.deposit,
			posted: listing.posted,
		}
	}

	/// The matches of a listing, or of every open listing of an account, best first, at most
	/// `limit` (and [`MAX_MATCHES`]).
	pub fn matches_view(
		of: MatchFor<T::AccountId>,
		limit: u32,
	) -> Vec<MatchView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let limit = limit.min(MAX_MATCHES) as usize;
		let (viewer, listings): (T::AccountId, Vec<(ListingId, ListingOf<T>)>) = match of {
			MatchFor::Listing(id) => match Listings::<T>::get(id) {
				Some(listing) => (listing.owner.clone(), alloc::vec![(id, listing)]),
				None => return Vec::new(),
			},
			MatchFor::Account(who) => {
				let mine = ListingsOf::<T>::get(&who)
					.into_iter()
					.filter_map(|id| Listings::<T>::get(id).map(|l| (id, l)))
					.collect();
				(who, mine)
			},
		};
		let distances = Self::handshakes_from(&viewer);
		let now = frame_system::Pallet::<T>::block_number();
		// Each owner's record and escrow are read once, however many of their listings match.
		let mut owners: BTreeMap<T::AccountId, Option<OwnerFacts<T>>> = BTreeMap::new();
		let mut found: Vec<MatchView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> = Vec::new();
		for (for_id, for_listing) in listings {
			let region = match for_listing.terms.region {
				ANYWHERE => None,
				r => Some(r),
			};
			let (ids, _) = Self::indexed(
				&Self::subtree(for_listing.category),
				&[for_listing.side.opposite()],
				region,
			);
			for id in ids.into_iter().take(MAX_CANDIDATES) {
				let Some(other) = Listings::<T>::get(id) else { continue };
				if other.owner == viewer || other.terms.expires <= now {
					continue;
				}
				let owner = owners.entry(other.owner.clone()).or_insert_with(|| {
					// Only members who may deal now: the escrow would refuse the others.
					(T::Membership::is_member(&other.owner)
						&& !T::Blocked::is_blocked(&other.owner))
					.then(|| {
						let handshakes = distances.get(&other.owner).copied();
						(
							Self::record_score(&other.owner, handshakes),
							T::Deals::standing(&other.owner),
						)
					})
				});
				let Some((base, standing)) = owner else { continue };
				let mut score = base.clone();
				Self::score_cover(&mut score, standing, Self::deal_value(&for_listing, &other));
				found.push(MatchView {
					for_listing: for_id,
					listing: Self::view(id, other),
					score,
				});
			}
		}
		found.sort_by(|a, b| {
			b.score.total.cmp(&a.score.total).then_with(|| b.listing.id.cmp(&a.listing.id))
		});
		found.truncate(limit);
		found
	}

	/// The value of a deal between two opposite listings: the smaller quantity at the price of
	/// the priced one (`own`'s first); `None` when both are in kind.
	fn deal_value(own: &ListingOf<T>, other: &ListingOf<T>) -> Option<u128> {
		let quantity = u128::from(own.terms.quantity.min(other.terms.quantity));
		let price = match (own.terms.price, other.terms.price) {
			(Price::PerUnit(p), _) | (Price::InKind, Price::PerUnit(p)) => p,
			(Price::InKind, Price::InKind) => return None,
		};
		let price: u128 = price.unique_saturated_into();
		Some(price.saturating_mul(quantity))
	}

	/// The parts of `who`'s score that do not depend on the deal: record, guarantors, nearness.
	fn record_score(who: &T::AccountId, handshakes: Option<u8>) -> Score {
		let conduct = T::Conduct::conduct(who);
		let deals = DealsCompleted::<T>::get(who);
		let mut guarantors_upheld = 0u32;
		let mut guarantors_banned = 0u32;
		for guarantor in T::Membership::guarantors_of(who) {
			let theirs = T::Conduct::conduct(&guarantor);
			guarantors_upheld = guarantors_upheld.saturating_add(theirs.upheld);
			guarantors_banned = guarantors_banned.saturating_add(u32::from(theirs.banned));
		}
		let points = |n: u32, each: i32| i32::try_from(n).unwrap_or(i32::MAX).saturating_mul(each);
		let record_points = points(deals.min(50), 10)
			.saturating_sub(points(conduct.upheld, 200))
			.saturating_sub(points(conduct.received.saturating_sub(conduct.upheld), 20))
			.saturating_sub(if conduct.banned { 300 } else { 0 });
		let guarantor_points = 0i32
			.saturating_sub(points(guarantors_upheld, 50))
			.saturating_sub(points(guarantors_banned, 100));
		let nearness_points = handshakes
			.map(|d| points(u32::from(MAX_HANDSHAKES.saturating_add(1).saturating_sub(d)), 50))
			.unwrap_or(0);
		Score {
			deals_completed: deals,
			complaints_received: conduct.received,
			complaints_upheld: conduct.upheld,
			guarantors_upheld,
			guarantors_banned,
			banned: conduct.banned,
			handshakes,
			deal_value: None,
			covered: None,
			record_points,
			guarantor_points,
			nearness_points,
			cover_points: 0,
			total: 0,
		}
	}

	/// Adds the cover part for a deal of `value` with a member whose escrow stands as
	/// `standing`, and the total.
	fn score_cover(
		score: &mut Score,
		standing: &EscrowStanding<BalanceOf<T>>,
		value: Option<u128>,
	) {
		score.deal_value = value;
		score.covered = value.map(|value| {
			let quantum: u128 = standing.insured_quantum.unique_saturated_into();
			let headroom: u128 = standing.headroom.unique_saturated_into();
			value <= quantum && value <= headroom
		});
		score.cover_points = match score.covered {
			Some(true) => 200,
			Some(false) => -200,
			None => 0,
		};
		let total = BASE_SCORE
			.saturating_add(score.record_points)
			.saturating_add(score.guarantor_points)
			.saturating_add(score.nearness_points)
			.saturating_add(score.cover_points);
		score.total = u32::try_from(total.max(0)).unwrap_or_default();
	}

	/// Handshakes from `from` to every member within [`MAX_HANDSHAKES`] in the guarantor graph
	/// (guarantees either way), breadth first, at most [`MAX_VISITED`] accounts.
	pub fn handshakes_from(from: &T::AccountId) -> BTreeMap<T::AccountId, u8> {
		let mut seen: BTreeMap<T::AccountId, u8> = BTreeMap::new();
		let mut queue: VecDeque<(T::AccountId, u8)> = VecDeque::new();
		seen.insert(from.clone(), 0);
		queue.push_back((from.clone(), 0));
		while let Some((at, depth)) = queue.pop_front() {
			if depth >= MAX_HANDSHAKES {
				continue;
			}
			let neighbours = T::Membership::guarantors_of(&at)
				.into_iter()
				.chain(T::Membership::proteges_of(&at));
			for next in neighbours {
				if seen.len() >= MAX_VISITED {
					return seen;
				}
				if !seen.contains_key(&next) {
					seen.insert(next.clone(), depth.saturating_add(1));
					queue.push_back((next, depth.saturating_add(1)));
				}
			}
		}
		seen
	}
}
