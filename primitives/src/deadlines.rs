//! Deadline queues that refuse no filing and bound each block's work.
//!
//! A pallet whose records fall due at a block (a deal completes, a top-up lapses, an
//! application expires) files them in a queue keyed by that block, and its `on_initialize`
//! handles what is due. Filing must never fail, or a member's call would be refused because
//! others filed first; and the hook's work must stay bounded, whatever a burst filed.
//!
//! So a queue is kept in pages of [`DeadlineQueue::PageSize`] items:
//! - `First`, the first page of each block (the map such a pallet keeps anyway);
//! - `Overflow`, the further pages of a block, numbered from 1; `Pages`, how many it has.
//!   Filing appends to the block's last page, opening a new one when that is full: one read
//!   and one write while the first page has room, three of each at most otherwise;
//! - `Backlog`, the oldest block whose items still wait, when the hooks fell behind.
//!
//! Each block, [`DeadlineQueue::take_due`] takes at most `max_pages` pages (and steps over at
//! most [`MAX_BLOCKS_STEPPED`] blocks), oldest block first; what it could not take waits in
//! the backlog for the next blocks. An item is therefore handled at its block or, after a
//! burst, a few blocks later, never before: the pallets check a record's own deadline when its
//! item comes. A block with nothing due reads the backlog and its first page, and writes nothing.

use alloc::vec::Vec;
use codec::FullCodec;
use core::marker::PhantomData;
use frame_support::{
	storage::{StorageDoubleMap, StorageMap, StorageValue},
	traits::Get,
	BoundedVec,
};
use sp_runtime::traits::{One, Saturating};

/// The most blocks one hook steps through while catching up with its backlog.
pub const MAX_BLOCKS_STEPPED: u32 = 16;

/// What one hook took from a queue: the items due, and the work of taking them.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Due<Item> {
	/// The items, in the order they are to be handled.
	pub items: Vec<Item>,
	/// The pages taken.
	pub pages: u32,
	/// The blocks stepped past (each one at least a read).
	pub blocks: u32,
}

impl<Item> Default for Due<Item> {
	fn default() -> Self {
		Self { items: Vec::new(), pages: 0, blocks: 0 }
	}
}

/// Where [`DeadlineQueue::file`] put an item.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Filed<BlockNumber> {
	/// The block it is due at.
	pub at: BlockNumber,
	/// Whether the block's first page was full, so that it went to an overflow page (the
	/// costlier branch of filing).
	pub overflowed: bool,
}

/// A deadline queue over four storage items of a pallet (see the module's documentation).
pub struct DeadlineQueue<First, Overflow, Pages, Backlog, BlockNumber, Item, PageSize>(
	PhantomData<(First, Overflow, Pages, Backlog, BlockNumber, Item, PageSize)>,
);

impl<First, Overflow, Pages, Backlog, BlockNumber, Item, PageSize>
	DeadlineQueue<First, Overflow, Pages, Backlog, BlockNumber, Item, PageSize>
where
	First: StorageMap<BlockNumber, BoundedVec<Item, PageSize>, Query = BoundedVec<Item, PageSize>>,
	Overflow: StorageDoubleMap<
		BlockNumber,
		u32,
		BoundedVec<Item, PageSize>,
		Query = BoundedVec<Item, PageSize>,
	>,
	Pages: StorageMap<BlockNumber, u32, Query = u32>,
	Backlog: StorageValue<BlockNumber, Query = Option<BlockNumber>>,
	BlockNumber: FullCodec + Copy + Ord + One + Saturating,
	Item: FullCodec + Clone,
	PageSize: Get<u32>,
{
	/// Files `item` as due at `at`, or at `now + 1` if `at` is earlier (this block's hook has
	/// run already). Never refused.
	pub fn file(now: BlockNumber, at: BlockNumber, item: Item) -> Filed<BlockNumber> {
		let at = at.max(now.saturating_add(One::one()));
		let mut item = Some(item);
		First::mutate(at, |page| {
			if let Some(it) = item.take() {
				if let Err(it) = page.try_push(it) {
					item = Some(it);
				}
			}
		});
		let Some(item) = item else { return Filed { at, overflowed: false } };
		let pages = Pages::get(at);
		let mut item = Some(item);
		if pages > 0 {
			Overflow::mutate(at, pages, |page| {
				if let Some(it) = item.take() {
					if let Err(it) = page.try_push(it) {
						item = Some(it);
					}
				}
			});
		}
		if let Some(item) = item {
			let page = pages.saturating_add(1);
			// A new page has room whenever pages hold at least one item.
			Overflow::insert(at, page, BoundedVec::truncate_from(alloc::vec![item]));
			Pages::insert(at, page);
		}
		Filed { at, overflowed: true }
	}

	/// Takes the items due by `now`, at most `max_pages` pages of them, oldest block first;
	/// the rest wait in the backlog for the next blocks.
	pub fn take_due(now: BlockNumber, max_pages: u32) -> Due<Item> {
		let mut due = Due::default();
		let backlog = Backlog::get();
		let mut block = backlog.unwrap_or(now);
		// Only the backlog's block may have had pages taken before.
		let mut resumed = backlog.is_some();
		let mut finished = true;
		while block <= now {
			if due.pages >= max_pages || due.blocks >= MAX_BLOCKS_STEPPED {
				finished = false;
				break;
			}
			let first = First::take(block);
			// Overflow pages exist only behind a first page that filled up.
			let full = first.len() as u32 >= PageSize::get();
			if !first.is_empty() {
				due.pages.saturating_inc();
				due.items.extend(first);
			}
			if resumed || full {
				let had = Pages::get(block);
				let mut pages = had;
				while pages > 0 && due.pages < max_pages {
					due.items.extend(Overflow::take(block, pages));
					pages.saturating_dec();
					due.pages.saturating_inc();
				}
				if pages > 0 {
					Pages::insert(block, pages);
					finished = false;
					break;
				}
				if had > 0 {
					Pages::remove(block);
				}
			}
			block.saturating_inc();
			due.blocks.saturating_inc();
			resumed = false;
		}
		match (finished, backlog) {
			(true, Some(_)) => Backlog::kill(),
			(false, waiting) if waiting != Some(block) => Backlog::put(block),
			_ => {},
		}
		due
	}

	/// Every item queued, with the block it is due at (for invariants and views: it reads the
	/// whole queue).
	pub fn queued() -> Vec<(BlockNumber, Item)>
	where
		First: frame_support::storage::IterableStorageMap<BlockNumber, BoundedVec<Item, PageSize>>,
		Overflow: frame_support::storage::IterableStorageDoubleMap<
			BlockNumber,
			u32,
			BoundedVec<Item, PageSize>,
		>,
	{
		let mut all: Vec<(BlockNumber, Item)> = First::iter()
			.flat_map(|(at, page)| page.into_iter().map(move |item| (at, item)))
			.collect();
		all.extend(
			Overflow::iter().flat_map(|(at, _, page)| page.into_iter().map(move |item| (at, item))),
		);
		all
	}

	/// Checks that every block's overflow pages are as [`Pages`](Self) counts them, numbered
	/// from 1 and none empty (an invariant: it reads the whole queue).
	pub fn check_pages() -> Result<(), &'static str>
	where
		Overflow: frame_support::storage::IterableStorageDoubleMap<
			BlockNumber,
			u32,
			BoundedVec<Item, PageSize>,
		>,
		Pages: frame_support::storage::IterableStorageMap<BlockNumber, u32>,
	{
		for (at, page, items) in Overflow::iter() {
			if page == 0 || page > Pages::get(at) || items.is_empty() {
				return Err("a deadline page out of its count, or empty");
			}
		}
		for (at, pages) in Pages::iter() {
			if pages == 0 || (1..=pages).any(|page| !Overflow::contains_key(at, page)) {
				return Err("a counted deadline page missing");
			}
		}
		Ok(())
	}

	/// The block the queue handles next: the backlog's, or `now`.
	pub fn next_due(now: BlockNumber) -> BlockNumber {
		Backlog::get().unwrap_or(now)
	}
}

/// The storage migration of a pallet whose deadlines moved into a [`DeadlineQueue`]: the
/// overflow pages, their counts and the backlog are new storage items that start empty, and
/// each block's first page is the map the pallet kept before, unchanged, so every deadline filed
/// before the upgrade is handled at its block as before. Nothing is moved. `Queued` counts the
/// deadlines queued, which try-runtime checks all stay queued.
pub struct AddDeadlinePages<Queued>(PhantomData<Queued>);

impl<Queued: Get<u32>> frame_support::traits::UncheckedOnRuntimeUpgrade
	for AddDeadlinePages<Queued>
{
	fn on_runtime_upgrade() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		Ok(Queued::get().encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let before = u32::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::Other("pre-upgrade state"))?;
		frame_support::ensure!(
			Queued::get() == before,
			"every deadline queued before stays queued"
		);
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{pallet_prelude::*, storage_alias};
	use sp_io::TestExternalities;

	type Size = ConstU32<2>;
	#[storage_alias]
	type First = StorageMap<Test, Twox64Concat, u64, BoundedVec<u32, Size>, ValueQuery>;
	#[storage_alias]
	type Overflow = StorageDoubleMap<
		Test,
		Twox64Concat,
		u64,
		Twox64Concat,
		u32,
		BoundedVec<u32, Size>,
		ValueQuery,
	>;
	#[storage_alias]
	type Pages = StorageMap<Test, Twox64Concat, u64, u32, ValueQuery>;
	#[storage_alias]
	type Backlog = StorageValue<Test, u64, OptionQuery>;
	type Queue = DeadlineQueue<First, Overflow, Pages, Backlog, u64, u32, Size>;

	fn all_empty() -> bool {
		First::iter().next().is_none()
			&& Overflow::iter().next().is_none()
			&& Pages::iter().next().is_none()
			&& Backlog::get().is_none()
	}

	#[test]
	fn filing_is_never_refused_and_overflows_into_pages() {
		TestExternalities::default().execute_with(|| {
			for item in 0..7 {
				let filed = Queue::file(1, 5, item);
				assert_eq!(filed, Filed { at: 5, overflowed: item >= 2 });
			}
			assert_eq!(First::get(5).into_inner(), vec![0, 1]);
			assert_eq!(Pages::get(5), 3);
			assert_eq!(Overflow::get(5, 1).into_inner(), vec![2, 3]);
			assert_eq!(Overflow::get(5, 3).into_inner(), vec![6]);
			let mut queued: Vec<u32> = Queue::queued().into_iter().map(|(_, i)| i).collect();
			queued.sort();
			assert_eq!(queued, (0..7).collect::<Vec<_>>());
		});
	}

	#[test]
	fn a_deadline_in_the_past_is_filed_at_the_next_block() {
		TestExternalities::default().execute_with(|| {
			assert_eq!(Queue::file(10, 3, 1).at, 11);
			assert_eq!(Queue::file(10, 10, 2).at, 11);
			assert_eq!(First::get(11).into_inner(), vec![1, 2]);
		});
	}

	#[test]
	fn nothing_due_takes_nothing_and_writes_nothing() {
		TestExternalities::default().execute_with(|| {
			Queue::file(1, 9, 1);
			assert_eq!(Queue::take_due(5, 4), Due { items: vec![], pages: 0, blocks: 1 });
			assert_eq!(Backlog::get(), None);
			assert_eq!(First::get(9).len(), 1);
		});
	}

	#[test]
	fn a_burst_is_taken_over_the_next_blocks_in_order_and_nothing_is_lost() {
		TestExternalities::default().execute_with(|| {
			for item in 0..9 {
				Queue::file(1, 5, item);
			}
			Queue::file(1, 6, 100);
			// At most two pages a block: 5 pages are due at block 5. Block 5's first page and its last overflow page (of one item).
			let first = Queue::take_due(5, 2);
			assert_eq!((first.items.len(), first.pages, first.blocks), (3, 2, 0));
			assert_eq!(Backlog::get(), Some(5));
			let second = Queue::take_due(6, 2);
			assert_eq!((second.items.len(), second.pages), (4, 2));
			assert_eq!(Backlog::get(), Some(5));
			// The last page of block 5, then block 6's: the budget is spent, so block 7 waits
			// (empty), and the next block steps past it.
			let third = Queue::take_due(7, 2);
			assert_eq!(third.items.len(), 3);
			assert!(third.items.contains(&100));
			assert_eq!(third.blocks, 2);
			assert_eq!(Backlog::get(), Some(7));
			let fourth = Queue::take_due(8, 2);
			assert_eq!(fourth, Due { items: vec![], pages: 0, blocks: 2 });
			let mut taken: Vec<u32> =
				[first.items, second.items, third.items].into_iter().flatten().collect();
			taken.sort();
			let mut expected: Vec<u32> = (0..9).collect();
			expected.push(100);
			assert_eq!(taken, expected);
			assert!(all_empty());
		});
	}

	#[test]
	fn catching_up_steps_over_a_bounded_number_of_blocks() {
		TestExternalities::default().execute_with(|| {
			Backlog::put(1);
			Queue::file(1, 40, 7);
			let due = Queue::take_due(40, 4);
			assert_eq!(due.blocks, MAX_BLOCKS_STEPPED);
			assert_eq!(Backlog::get(), Some(1 + u64::from(MAX_BLOCKS_STEPPED)));
			let due = Queue::take_due(41, 4);
			assert_eq!(due.blocks, MAX_BLOCKS_STEPPED);
			let due = Queue::take_due(42, 4);
			assert_eq!(due.items, vec![7]);
			assert!(all_empty());
		});
	}
}
