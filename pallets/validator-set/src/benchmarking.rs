//! Benchmarks of every call, at the largest set.

use super::*;
use frame_benchmarking::v2::*;

/// Fills the set to one below its bound with candidates.
fn fill<T: Config>() {
	let mut set = Validators::<T>::get();
	let mut i = 0;
	while (set.len() as u32) < T::MaxValidators::get().saturating_sub(1) {
		let who: T::AccountId = account("validator", i, 0);
		T::BenchmarkHelper::make_candidate(&who);
		let _ = set.try_push(who);
		i += 1;
	}
	Validators::<T>::put(set);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		fill::<T>();
		let origin =
			T::SetOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("candidate", 0, 0);
		T::BenchmarkHelper::make_candidate(&who);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		fill::<T>();
		let origin =
			T::SetOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = Validators::<T>::get().last().cloned().ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let origin =
			T::SetOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 100u32.into());
		assert_eq!(SessionLength::<T>::get(), 100u32.into());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
